/**
 * How far to trust a service's model: the fitted model replays the replicas the service really ran, and
 * its modeled minutes are compared with the observed ones on the same minutes (latency and breaches),
 * giving a verdict (trusted, rough, untrusted) with its reason. Pure Java: imports {@code data},
 * {@code policy}, {@code model} and {@code sim}, never Spark, {@code jobs} or {@code cli}.
 */
package dev.scalewise.calibrate;
