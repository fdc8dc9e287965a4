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

/** Unit conversions for weather readings; results are rounded to 2 decimals (sensor precision). */
final class Units {

    private Units() {}

    static double kelvinToCelsius(double kelvin) {
        return round(kelvin - 273.15);
    }

    static double fahrenheitToCelsius(double fahrenheit) {
        return round((fahrenheit - 32) * 5 / 9);
    }

    /** The seed flow's Celsius to Fahrenheit step. */
    static double celsiusToFahrenheit(double celsius) {
        return round(celsius * 9 / 5 + 32);
    }

    static double metresPerSecondToKmh(double metresPerSecond) {
        return round(metresPerSecond * 3.6);
    }

    static double milesPerHourToKmh(double milesPerHour) {
        return round(milesPerHour * 1.609344);
    }

    static double knotsToKmh(double knots) {
        return round(knots * 1.852);
    }

    static double inchesToMillimetres(double inches) {
        return round(inches * 25.4);
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
