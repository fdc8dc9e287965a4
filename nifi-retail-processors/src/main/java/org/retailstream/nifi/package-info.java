/**
 * NiFi 2 processors that poll competitor-price and weather APIs and emit records matching the
 * {@code competitor_prices} and {@code weather_observations} schemas of retail-events.
 */
package org.retailstream.nifi;
