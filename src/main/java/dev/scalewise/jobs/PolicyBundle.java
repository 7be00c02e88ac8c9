package dev.scalewise.jobs;

import dev.scalewise.UserError;
import dev.scalewise.policy.LoadTestFiles;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.PolicySet;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy and services files of a run, as bytes, so they travel to the executors (as a
 * {@link #broadcast}); an executor JVM parses them again, once (the normalized records hold Optionals,
 * which do not serialize). The driver parses them up front, so a bad file stops the run before Spark starts.
 */
public final class PolicyBundle implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final List<byte[]> contents;
    private final String servicesName;
    private final byte[] servicesBytes;
    /** Load-test files the services documents name, read on the driver (executors may not see the paths). */
    private final Map<String, byte[]> loadTests;
    private transient Parsed parsed;

    /** Parses by content digest, most recently used last; a few sets are plenty (a run has one). */
    private static final Map<String, Parsed> PARSED = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
            return size() > 4;
        }
    };

    private PolicyBundle(List<String> names, List<byte[]> contents, String servicesName, byte[] servicesBytes,
                         Map<String, byte[]> loadTests) {
        this.names = List.copyOf(names);
        this.contents = List.copyOf(contents);
        this.servicesName = servicesName;
        this.servicesBytes = servicesBytes;
        this.loadTests = new java.util.TreeMap<>(loadTests);
    }

    /**
     * Reads the files (directories recursively, "-" = stdin) and checks them.
     *
     * @param servicesFile services.yaml; its entries win over services documents found among the policies
     */
    public static PolicyBundle read(List<String> policyPaths, Optional<String> servicesFile) {
        List<String> problems = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (String file : PolicyLoader.expand(policyPaths, problems)) {
            names.add(file);
            contents.add(SafeYaml.read(file));
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
        byte[] servicesBytes = servicesFile.map(SafeYaml::read).orElse(new byte[0]);
        // the load-test files the services documents name: read here, shipped with the bundle
        Map<String, byte[]> loadTests = new LinkedHashMap<>();
        PolicyBundle unread = new PolicyBundle(names, contents, servicesFile.orElse(""), servicesBytes, Map.of());
        unread.services(unread.docs(), path -> loadTests.computeIfAbsent(path, LoadTestFiles.DISK::read));
        PolicyBundle bundle = new PolicyBundle(names, contents, servicesFile.orElse(""), servicesBytes, loadTests);
        bundle.parsed();
        return bundle;
    }

    /**
     * The bundle as a Spark broadcast, for executor code to capture instead of the bundle: a closure that
     * holds the bundle carries its bytes (2 MB for 5,000 policies) in the task binary of every job that
     * reads the job's results, and every task deserializes them; a broadcast travels once per executor,
     * and on a single machine the tasks get the driver's own instance.
     */
    public Broadcast<PolicyBundle> broadcast(SparkSession spark) {
        return JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(this);
    }

    /** Every service's spec: the services file, then services documents among the policies. */
    public Map<String, ServiceSpec> services() {
        return parsed().services();
    }

    public ServiceSpec service(String name) {
        return services().getOrDefault(name, ServiceSpec.defaults(name));
    }

    public PolicySet policySet() {
        return parsed().policies();
    }

    /** The services that have at least one policy. */
    public java.util.Set<String> servicesWithPolicies() {
        return parsed().byService().keySet();
    }

    /** The policies whose service is {@code service}, in file order. */
    public List<PolicySpec> policiesFor(String service) {
        return parsed().byService().getOrDefault(service, List.of());
    }

    /**
     * The files parsed, once per JVM and set of files (the last few sets are kept): every deserialized copy
     * of a bundle (a task's closure, an executor's broadcast) finds the parse of the first. A 1,000-service
     * run used to parse its 5,000 policies again in each task.
     */
    private Parsed parsed() {
        if (parsed == null) {
            String key = digest();
            synchronized (PARSED) {
                parsed = PARSED.get(key);
            }
            if (parsed == null) {
                parsed = parse(); // outside the lock: a bad file throws, and tasks do not queue behind a parse
                synchronized (PARSED) {
                    PARSED.put(key, parsed);
                }
            }
        }
        return parsed;
    }

    private Parsed parse() {
        List<YamlDoc> docs = docs();
        Map<String, ServiceSpec> s = shippedServices(docs);
        // services documents are merged above (the --services file wins), so only policies go on
        PolicySet set = PolicyLoader.fromDocs(docs.stream().filter(d -> !PolicyReader.isServices(d)).toList(), s);
        Map<String, List<PolicySpec>> byService = new HashMap<>();
        for (PolicySpec p : set.policies()) {
            byService.computeIfAbsent(p.meta().service(), k -> new ArrayList<>()).add(p);
        }
        byService.replaceAll((k, v) -> List.copyOf(v));
        return new Parsed(Collections.unmodifiableMap(s), set, Map.copyOf(byService));
    }

    /** Every service's spec: services documents among the policies, then the --services file (which wins). */
    private Map<String, ServiceSpec> services(List<YamlDoc> docs, LoadTestFiles files) {
        Map<String, ServiceSpec> s = new LinkedHashMap<>(
                ServicesFile.fromDocs(docs.stream().filter(PolicyReader::isServices).toList(), files));
        if (!servicesName.isEmpty()) {
            s.putAll(ServicesFile.fromDocs(SafeYaml.parse(servicesName, servicesBytes), files));
        }
        return s;
    }

    /** The services as an executor parses them: load-test files from the bundle, never from the disk. */
    Map<String, ServiceSpec> shippedServices(List<YamlDoc> docs) {
        return services(docs, this::shippedLoadTest);
    }

    private byte[] shippedLoadTest(String path) {
        byte[] bytes = loadTests.get(path);
        if (bytes == null) {
            throw new UserError("the load-test file " + path + " was not read with the services files");
        }
        return bytes;
    }

    /** What the parse depends on: the files' names and bytes. */
    private String digest() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < names.size(); i++) {
                update(md, names.get(i).getBytes(StandardCharsets.UTF_8));
                update(md, contents.get(i));
            }
            update(md, servicesName.getBytes(StandardCharsets.UTF_8));
            update(md, servicesBytes);
            for (Map.Entry<String, byte[]> e : loadTests.entrySet()) {
                update(md, e.getKey().getBytes(StandardCharsets.UTF_8));
                update(md, e.getValue());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Length first, so ("ab", "c") and ("a", "bc") differ. */
    private static void update(MessageDigest md, byte[] bytes) {
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }

    private record Parsed(Map<String, ServiceSpec> services, PolicySet policies,
                          Map<String, List<PolicySpec>> byService) {
    }

    /** The text of one of the bundle's files, as read (for editing manifests). */
    public String text(String file) {
        int i = names.indexOf(file);
        if (i < 0) {
            throw new IllegalArgumentException(file + " is not one of the policy files of this run");
        }
        return new String(contents.get(i), StandardCharsets.UTF_8);
    }

    List<YamlDoc> docs() {
        List<YamlDoc> docs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                docs.addAll(SafeYaml.parse(names.get(i), contents.get(i)));
            } catch (YamlError e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
        return docs;
    }
}
