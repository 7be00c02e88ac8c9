/**
 * The data contract in Java: dataset names and their Avro schemas (shipped from {@code schemas/}),
 * and {@link dev.scalewise.data.ServiceHistory}, one service's history aligned onto one step, which
 * every core computation takes as input. Pure Java: never imports Spark, jobs or cli.
 */
package dev.scalewise.data;
