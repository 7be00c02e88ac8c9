package dev.scalewise.jobs;

import dev.scalewise.UserError;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.apache.spark.internal.config.ConfigEntry;
import org.apache.spark.sql.SparkSession;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Starts (or joins) the Spark session of a run. Under spark-submit the master and the cluster's
 * configuration come from spark-submit; run from the CLI without --master, Spark is embedded
 * ({@code local[*]}, UI off). From the CLI, Spark's console logging is cut to errors (warnings on a
 * cluster) unless --verbose; with a cluster master the CLI ships its own jar to the executors and checks
 * that the master can be reached before Spark starts. On a cluster, {@link ClusterWatch} turns a job that
 * waits for executors that never come into a failure that says so (docs/cluster.md).
 */
public final class SparkSessions {
    /**
     * @param master  --master, empty = spark-submit's master, or local[*] when there is none
     * @param conf    --conf k=v pairs, applied last
     * @param verbose Spark's INFO logging on the console
     * @param appName the application name a cluster shows, e.g. "scalewise backtest"
     */
    public record Settings(Optional<String> master, Map<String, String> conf, boolean verbose, String appName) {
        public Settings {
            conf = Map.copyOf(conf);
        }
    }

    /** The session and whether this call created it (only then should the caller stop it). */
    public record Handle(SparkSession spark, boolean created, Optional<ClusterWatch> watch) implements AutoCloseable {
        @Override
        public void close() {
            watch.ifPresent(ClusterWatch::close);
            if (created) {
                spark.stop();
            }
        }
    }

    private SparkSessions() {
    }

    public static Handle open(Settings s) {
        String submittedMaster = System.getProperty("spark.master");
        boolean submitted = submittedMaster != null;
        String master = s.master().orElse(submitted ? submittedMaster : "local[*]");
        boolean local = master.startsWith("local");
        boolean existing = SparkSession.getDefaultSession().isDefined();
        if (!existing && !submitted) {
            quietLogging(s.verbose() ? Level.INFO : local ? Level.ERROR : Level.WARN);
        }
        checkConf(s.conf());
        if (!existing && !local) {
            MasterProbe.check(master);
        }
        SparkSession.Builder b = SparkSession.builder()
                // every timestamp of the contract is UTC; strings without a zone are read as UTC too
                .config("spark.sql.session.timeZone", "UTC")
                // a cast of a malformed CSV value gives null, which the reader reports with file and value;
                // Spark 4 turns ANSI mode on by default, where the cast would fail the job instead
                .config("spark.sql.ansi.enabled", "false")
                // the result schemas say timestamp-millis; Spark's default INT96 is unreadable to Avro readers
                .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS");
        String submittedName = System.getProperty("spark.app.name");
        if (submittedName == null || submittedName.startsWith("dev.scalewise.")) {
            b = b.appName(s.appName()); // spark-submit names an application after its main class unless --name
        }
        if (s.master().isPresent() || !submitted) {
            b = b.master(master);
        }
        if (!submitted) {
            b = b.config("spark.ui.enabled", "false");
            if (!local) {
                b = b.config("spark.jars", ApplicationJar.withJars(s.conf().get("spark.jars")));
            }
        }
        if (local) {
            // Spark's default of 200 shuffle partitions is for clusters; on one machine it turns a small
            // fleet into hundreds of near-empty tasks (seconds each on a busy laptop). --conf overrides.
            b = b.config("spark.sql.shuffle.partitions",
                    String.valueOf(Math.max(2, 2 * Runtime.getRuntime().availableProcessors())));
        }
        for (Map.Entry<String, String> e : s.conf().entrySet()) {
            if (!e.getKey().equals("spark.jars") || submitted || local) {
                b = b.config(e.getKey(), e.getValue());
            }
        }
        SparkSession spark = b.getOrCreate();
        Optional<ClusterWatch> watch = local || existing ? Optional.empty()
                : Optional.of(ClusterWatch.start(spark.sparkContext(), master));
        return new Handle(spark, !existing, watch);
    }

    /**
     * Each --conf value of a setting Spark declares, parsed as Spark will parse it, before anything starts:
     * Spark parses SQL settings when it builds the session state and others when the context starts, so a
     * bad value came back as Spark's stack trace (exit 3) or as a failure to read the first input file.
     * Settings Spark does not declare (or declares elsewhere) pass through unchecked, as before.
     */
    static void checkConf(Map<String, String> conf) {
        if (conf.isEmpty()) {
            return;
        }
        for (String declaring : List.of("org.apache.spark.internal.config.package$", "org.apache.spark.sql.internal.SQLConf$")) {
            try {
                Class.forName(declaring); // its settings register themselves as it initialises
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Map.Entry<String, String> e : new TreeMap<>(conf).entrySet()) {
            ConfigEntry<?> entry = ConfigEntry.findEntry(e.getKey());
            if (entry == null) {
                continue;
            }
            try {
                entry.valueConverter().apply(e.getValue());
            } catch (RuntimeException x) {
                throw new UserError("--conf " + e.getKey() + "=" + e.getValue() + ": "
                        + String.join(" ", String.valueOf(x.getMessage()).strip().lines().toList()));
            }
        }
    }

    /**
     * Replaces Spark's default log4j2 profile (INFO on the console) before Spark starts: {@code level}
     * and above, to stderr, so the user's terminal shows results, not Spark's start-up chatter.
     */
    static void quietLogging(Level level) {
        // Two log4j2 contexts matter: loggers come from the caller's class-loader context
        // (Configurator.reconfigure), while Spark asks LogManager.getContext() (the "current" one) whether
        // log4j is still on its default configuration, and if so installs its own INFO profile.
        Configurator.reconfigure(stderrConfig(level));
        ((LoggerContext) LogManager.getContext()).setConfiguration(stderrConfig(level));
    }

    private static Configuration stderrConfig(Level level) {
        ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
        b.add(b.newAppender("stderr", "Console")
                .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss} %p %c{1}: %m%n")));
        b.add(b.newRootLogger(level).add(b.newAppenderRef("stderr")));
        if (level == Level.WARN) { // "Unable to load native-hadoop library...": true of every run, asks nothing
            b.add(b.newLogger("org.apache.hadoop.util.NativeCodeLoader", Level.ERROR));
        }
        return b.build();
    }
}
