/**
 * The read path, one way for every format and type: find each dataset under the data directory, check
 * it against its Avro contract (naming the file and column of a mismatch), prune date= partitions,
 * cast it to the one canonical row all datasets share, filter it to the range and services asked, and
 * pack it per service and file split for the shuffle ({@link dev.scalewise.jobs.ingest.Ingest}).
 */
package dev.scalewise.jobs.ingest;
