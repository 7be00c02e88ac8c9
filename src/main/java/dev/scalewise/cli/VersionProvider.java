package dev.scalewise.cli;

import picocli.CommandLine;

/** Version from the jar manifest (or "dev" when run from classes), plus the Spark line it targets. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"scalewise " + (v == null ? "dev" : v),
                "Java " + System.getProperty("java.version") + ", built for Apache Spark 3.5 (Scala 2.12)"};
    }
}
