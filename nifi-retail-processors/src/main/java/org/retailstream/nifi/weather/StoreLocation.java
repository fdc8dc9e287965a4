/*
 * Copyright 2026 The retail-stream authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.retailstream.nifi.weather;

/** A store whose weather is polled: id and WGS 84 coordinates in decimal degrees. */
public record StoreLocation(String id, double latitude, double longitude) {

    public StoreLocation {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("location id is empty");
        }
        if (latitude < -90 || latitude > 90) {
            throw new IllegalArgumentException("latitude " + latitude + " of " + id + " is outside -90..90");
        }
        if (longitude < -180 || longitude > 180) {
            throw new IllegalArgumentException("longitude " + longitude + " of " + id + " is outside -180..180");
        }
    }

    private static final double EARTH_RADIUS_KM = 6371.0088;

    /** Great-circle (haversine) distance in kilometres from this store to a point. */
    public double kilometresTo(double otherLatitude, double otherLongitude) {
        double dLat = Math.toRadians(otherLatitude - latitude);
        double dLon = Math.toRadians(otherLongitude - longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(latitude))
                        * Math.cos(Math.toRadians(otherLatitude))
                        * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }
}
