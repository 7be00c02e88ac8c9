package dev.scalewise.jobs;

import dev.scalewise.UserError;
import dev.scalewise.policy.PolicyLoader;
import dev.scalewise.policy.PolicyReader;
import dev.scalewise.policy.PolicySet;
import dev.scalewise.policy.PolicySpec;
import dev.scalewise.policy.ServiceSpec;
import dev.scalewise.policy.ServicesFile;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;
import dev.scalewise.yaml.YamlError;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy and services files of a run, as bytes, so they travel to the executors inside the job's
 * closure; each executor parses them again (the normalized records hold Optionals, which do not
 * serialize). The driver parses them once up front, so a bad file stops the run before any Spark work.
 */
public final class PolicyBundle implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> names;
    private final List<byte[]> contents;
    private final String servicesName;
    private final byte[] servicesBytes;
    private transient PolicySet policies;
    private transient Map<String, ServiceSpec> services;

    private PolicyBundle(List<String> names, List<byte[]> contents, String servicesName, byte[] servicesBytes) {
        this.names = List.copyOf(names);
        this.contents = List.copyOf(contents);
        this.servicesName = servicesName;
        this.servicesBytes = servicesBytes;
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
        PolicyBundle bundle = new PolicyBundle(names, contents, servicesFile.orElse(""),
                servicesFile.map(SafeYaml::read).orElse(new byte[0]));
        bundle.services();
        bundle.policySet();
        return bundle;
    }

    /** Every service's spec: the services file, then services documents among the policies. */
    public Map<String, ServiceSpec> services() {
        if (services == null) {
            Map<String, ServiceSpec> s = new LinkedHashMap<>(
                    ServicesFile.fromDocs(docs().stream().filter(PolicyReader::isServices).toList()));
            if (!servicesName.isEmpty()) {
                s.putAll(ServicesFile.fromDocs(SafeYaml.parse(servicesName, servicesBytes)));
            }
            services = s;
        }
        return services;
    }

    public ServiceSpec service(String name) {
        return services().getOrDefault(name, ServiceSpec.defaults(name));
    }

    public PolicySet policySet() {
        if (policies == null) {
            // services documents are merged above (the --services file wins), so only policies go on
            policies = PolicyLoader.fromDocs(docs().stream().filter(d -> !PolicyReader.isServices(d)).toList(),
                    services());
        }
        return policies;
    }

    /** The policies whose service is {@code service}, in file order. */
    public List<PolicySpec> policiesFor(String service) {
        return policySet().policies().stream().filter(p -> p.meta().service().equals(service)).toList();
    }

    /** The text of one of the bundle's files, as read (for editing manifests). */
    public String text(String file) {
        int i = names.indexOf(file);
        if (i < 0) {
            throw new IllegalArgumentException(file + " is not one of the policy files of this run");
        }
        return new String(contents.get(i), java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<YamlDoc> docs() {
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
