package dev.scalewise.jobs;

import dev.scalewise.UserError;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jar the executors of a cluster need: Scalewise's own (target/scalewise-0.1.0.jar: our code and the
 * few libraries a Spark installation lacks), and nothing the cluster already has. The CLI runs from that
 * jar, so it ships the jar it was started from.
 */
final class ApplicationJar {
    private ApplicationJar() {
    }

    /**
     * spark.jars: our jar, then those the user named (--conf spark.jars=...). Run from a classes directory
     * (an IDE, a test), only the user's jars, which must then hold Scalewise.
     */
    static String withJars(String userJars) {
        boolean userNamed = userJars != null && !userJars.isBlank();
        Path ours = location();
        if (ours == null) {
            if (userNamed) {
                return userJars;
            }
            throw new UserError("a cluster master needs Scalewise's jar for the executors, but Scalewise runs from "
                    + "a classes directory: run cli/scalewise, or name the jar with --conf spark.jars=JAR");
        }
        return userNamed ? ours.toUri() + "," + userJars : ours.toUri().toString();
    }

    /** The jar this class was loaded from, or null when it is not a jar. */
    static Path location() {
        Path where;
        try {
            where = Path.of(ApplicationJar.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell which jar Scalewise runs from", e);
        }
        return Files.isRegularFile(where) && where.toString().endsWith(".jar") ? where : null;
    }
}
