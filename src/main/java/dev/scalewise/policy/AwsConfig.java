package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Application Auto Scaling resources of one AWS configuration document, whatever wrote it: a
 * CloudFormation template (YAML or JSON), a Terraform plan or state as JSON ({@code terraform show -json},
 * or a raw {@code terraform.tfstate}), a Terraform configuration in JSON syntax ({@code *.tf.json}), or the
 * AWS CLI's describe output ({@code describe-scalable-targets},
 * {@code describe-scaling-policies} and {@code cloudwatch describe-alarms} merged into one object, e.g. with
 * {@code jq -s add}). The resources keep their nodes, so every error names the file, line and column.
 */
final class AwsConfig {
    enum Format {
        CLOUDFORMATION("CloudFormation template"),
        TERRAFORM("Terraform JSON"),
        TERRAFORM_CONFIGURATION("Terraform configuration (.tf.json)"),
        AWS_CLI("AWS CLI describe output");

        final String title;

        Format(String title) {
            this.title = title;
        }
    }

    /** A scalable target: MinCapacity, MaxCapacity, ResourceId, ScalableDimension, ServiceNamespace. */
    record Target(String id, Props props, YNode at, Optional<YNode> serviceOverride) {
    }

    /**
     * A scaling policy.
     *
     * @param aliases    what an alarm's actions may call it: logical id, address, ARN
     * @param targetRef  the target it names by id (CloudFormation's ScalingTargetId), if it does
     * @param alarmNames the alarms the describe output lists under it
     */
    record Policy(String id, String name, Set<String> aliases, Optional<String> targetRef, Props props, YNode at,
                  Optional<YNode> signalOverride, Set<String> alarmNames) {
    }

    /** A CloudWatch alarm, with the policies it invokes (ids, addresses or ARNs). */
    record Alarm(String id, String name, Set<String> actions, Props props, YNode at) {
    }

    final Format format;
    final List<Target> targets = new ArrayList<>();
    final List<Policy> policies = new ArrayList<>();
    final List<Alarm> alarms = new ArrayList<>();

    private AwsConfig(Format format) {
        this.format = format;
    }

    /** The format of a document, if it is one of the AWS configurations read. */
    static Optional<Format> formatOf(YamlDoc doc) {
        YNode r = doc.root();
        if (!r.isMapping() || !doc.kind().isEmpty()) {
            return Optional.empty();
        }
        if (r.get("Resources").isMapping() && r.get("Resources").entries().values().stream()
                .anyMatch(res -> res.get("Type").asText("").startsWith("AWS::"))) {
            return Optional.of(Format.CLOUDFORMATION);
        }
        if (r.has("format_version") && (r.has("planned_values") || r.has("values"))
                || r.get("resources").isSequence() && r.has("terraform_version")) {
            return Optional.of(Format.TERRAFORM);
        }
        if (r.has("ScalingPolicies") || r.has("ScalableTargets")) {
            return Optional.of(Format.AWS_CLI);
        }
        if (r.get("resource").isMapping() && r.get("resource").has("aws_appautoscaling_target")) {
            return Optional.of(Format.TERRAFORM_CONFIGURATION);
        }
        return Optional.empty();
    }

    static AwsConfig read(YamlDoc doc, Format format) {
        AwsConfig c = new AwsConfig(format);
        switch (format) {
            case CLOUDFORMATION -> c.readCloudFormation(doc.root());
            case TERRAFORM -> c.readTerraform(doc.root());
            case TERRAFORM_CONFIGURATION -> c.readTerraformConfiguration(doc.root());
            case AWS_CLI -> c.readCli(doc.root());
        }
        return c;
    }

    private void readCloudFormation(YNode root) {
        CfnText texts = new CfnText(root);
        root.get("Resources").entries().forEach((id, res) -> {
            Props props = new Props(res.get("Properties"), false, texts);
            YNode metadata = res.get("Metadata");
            switch (res.get("Type").asText("")) {
                case "AWS::ApplicationAutoScaling::ScalableTarget" ->
                        targets.add(new Target(id, props, res, present(metadata.get(SignalMapping.SERVICE_ANNOTATION))));
                case "AWS::ApplicationAutoScaling::ScalingPolicy" -> {
                    YNode ref = props.get("ScalingTargetId");
                    Optional<String> targetRef = ref.isPresent() ? Optional.of(texts.refName(ref).orElseThrow(() ->
                            ref.error("expected !Ref of an AWS::ApplicationAutoScaling::ScalableTarget"))) : Optional.empty();
                    policies.add(new Policy(id, props.text(props.get("PolicyName")).orElse(id), Set.of(id), targetRef,
                            props, res, present(metadata.get(SignalMapping.ANNOTATION)), Set.of()));
                }
                case "AWS::CloudWatch::Alarm" -> {
                    Set<String> actions = new LinkedHashSet<>();
                    for (YNode a : props.get("AlarmActions").items()) {
                        texts.refName(a).or(() -> texts.resolve(a)).ifPresent(actions::add);
                    }
                    alarms.add(new Alarm(id, props.text(props.get("AlarmName")).orElse(id), actions, props, res));
                }
                default -> {
                }
            }
        });
    }

    private void readTerraform(YNode root) {
        Props.Texts plain = YNode::text;
        if (root.get("resources").isSequence()) { // a raw terraform.tfstate (version 4)
            for (YNode r : root.get("resources").items()) {
                if (!r.get("mode").asText("managed").equals("managed")) {
                    continue;
                }
                String address = (r.get("module").text().map(m -> m + ".").orElse("")) + r.get("type").asText("")
                        + "." + r.get("name").asText("");
                List<YNode> instances = r.get("instances").items();
                for (int i = 0; i < instances.size(); i++) {
                    YNode inst = instances.get(i);
                    String key = inst.get("index_key").text().map(k -> "[" + k + "]").orElse(instances.size() > 1 ? "[" + i + "]" : "");
                    terraformResource(r.get("type").asText(""), address, address + key, inst.get("attributes"), inst, plain,
                            Set.of());
                }
            }
            return;
        }
        YNode module = root.has("planned_values") ? root.get("planned_values").get("root_module")
                : root.get("values").get("root_module");
        // a plan knows an alarm's actions only from its configuration's references (the ARN is not known yet)
        java.util.Map<String, Set<String>> references = new java.util.HashMap<>();
        collectReferences(root.get("configuration").get("root_module"), "", references);
        List<YNode> resources = new ArrayList<>();
        collectModules(module, resources::add);
        for (YNode r : resources) {
            String address = r.get("address").asText("");
            String base = address.replaceAll("\\[[^]]*]$", "");
            terraformResource(r.get("type").asText(""), base, address, r.get("values"), r, plain,
                    references.getOrDefault(base, Set.of()));
        }
    }

    /**
     * The policies each alarm of a plan's configuration names in alarm_actions, by the alarm's address;
     * a module's resources and references are relative to it, so they get its {@code module.NAME.} prefix.
     */
    private static void collectReferences(YNode module, String prefix, java.util.Map<String, Set<String>> out) {
        for (YNode c : module.get("resources").items()) {
            Set<String> refs = out.computeIfAbsent(prefix + c.get("address").asText(""), k -> new LinkedHashSet<>());
            for (YNode ref : c.get("expressions").get("alarm_actions").get("references").items()) {
                ref.text().map(t -> prefix + t.replaceAll("\\.arn$", "")).ifPresent(refs::add);
            }
        }
        module.get("module_calls").entries().forEach((name, call) ->
                collectReferences(call.get("module"), prefix + "module." + name + ".", out));
    }

    /** Resources of a module and of its child modules, depth first. */
    private static void collectModules(YNode module, Consumer<YNode> out) {
        module.get("resources").items().forEach(out);
        module.get("child_modules").items().forEach(m -> collectModules(m, out));
    }

    private void terraformResource(String type, String base, String address, YNode values, YNode at, Props.Texts texts,
                                   Set<String> references) {
        Props props = new Props(values, true, texts);
        switch (type) {
            case "aws_appautoscaling_target" -> targets.add(new Target(address, props, at,
                    present(values.get("tags").get(SignalMapping.SERVICE_ANNOTATION))));
            case "aws_appautoscaling_policy" -> {
                Set<String> aliases = new LinkedHashSet<>(List.of(address, base));
                values.get("arn").text().ifPresent(aliases::add);
                policies.add(new Policy(address, values.get("name").asText(address), aliases, Optional.empty(), props, at,
                        Optional.empty(), Set.of()));
            }
            case "aws_cloudwatch_metric_alarm" -> {
                Set<String> actions = new LinkedHashSet<>(references);
                values.get("alarm_actions").items().forEach(a -> a.text()
                        .map(x -> x.replaceAll("^\\$\\{(.*)\\.arn}$", "$1")).ifPresent(actions::add));
                alarms.add(new Alarm(address, values.get("alarm_name").asText(address), actions, props, at));
            }
            default -> {
            }
        }
    }

    /**
     * A configuration in Terraform's JSON syntax: {@code resource.TYPE.NAME} objects (or lists of them), nested
     * blocks as objects or lists of objects. An attribute written {@code "${TYPE.NAME.ATTR}"} is the referenced
     * resource's attribute when it is written there as a literal (a policy's resource_id from its target); any
     * other expression (a variable, a function) cannot be known before {@code terraform plan}.
     */
    private void readTerraformConfiguration(YNode root) {
        YNode resources = root.get("resource");
        Props.Texts texts = n -> terraformReference(resources, n, 0);
        resources.entries().forEach((type, byName) -> byName.entries().forEach((name, body) -> {
            List<YNode> bodies = body.isSequence() ? body.items() : List.of(body);
            for (YNode b : bodies) {
                String address = type + "." + name;
                terraformResource(type, address, address, b, b, texts, Set.of());
            }
        }));
    }

    private static final java.util.regex.Pattern REFERENCE =
            java.util.regex.Pattern.compile("\\$\\{([a-z0-9_]+)\\.([A-Za-z0-9_-]+)\\.([a-z0-9_]+)}");

    /** A scalar's text, or the literal a whole-string {@code ${TYPE.NAME.ATTR}} reference points at (two hops at most). */
    private static Optional<String> terraformReference(YNode resources, YNode n, int depth) {
        Optional<String> t = n.text();
        if (t.isEmpty() || !t.get().contains("${")) {
            return t;
        }
        java.util.regex.Matcher m = REFERENCE.matcher(t.get());
        if (!m.matches() || depth > 1) {
            return Optional.empty();
        }
        YNode target = resources.get(m.group(1)).get(m.group(2));
        target = target.isSequence() && !target.items().isEmpty() ? target.items().get(0) : target;
        YNode attr = target.get(m.group(3));
        return attr.isPresent() ? terraformReference(resources, attr, depth + 1) : Optional.empty();
    }

    private void readCli(YNode root) {
        Props.Texts plain = YNode::text;
        for (YNode t : root.get("ScalableTargets").items()) {
            targets.add(new Target(t.path(), new Props(t, false, plain), t, Optional.empty()));
        }
        for (YNode p : root.get("ScalingPolicies").items()) {
            String name = p.get("PolicyName").asText(p.path());
            Set<String> aliases = new LinkedHashSet<>(List.of(name));
            p.get("PolicyARN").text().ifPresent(aliases::add);
            Set<String> alarmNames = new LinkedHashSet<>();
            p.get("Alarms").items().forEach(a -> a.get("AlarmName").text().ifPresent(alarmNames::add));
            policies.add(new Policy(p.path(), name, aliases, Optional.empty(), new Props(p, false, plain), p,
                    Optional.empty(), alarmNames));
        }
        for (YNode a : root.get("MetricAlarms").items()) {
            Set<String> actions = new LinkedHashSet<>();
            a.get("AlarmActions").items().forEach(x -> x.text().ifPresent(actions::add));
            alarms.add(new Alarm(a.path(), a.get("AlarmName").asText(a.path()), actions, new Props(a, false, plain), a));
        }
    }

    private static Optional<YNode> present(YNode n) {
        return n.isPresent() ? Optional.of(n) : Optional.empty();
    }

    /**
     * A resource's properties in either spelling: CloudFormation and the AWS API write
     * {@code TargetTrackingScalingPolicyConfiguration.TargetValue}, Terraform
     * {@code target_tracking_scaling_policy_configuration[0].target_value} (a nested block is a list of one).
     * Readers ask in the API's spelling.
     */
    record Props(YNode node, boolean snake, Texts texts) {
        /** Resolves a scalar (CloudFormation: a parameter's default, !Sub of known values). */
        @FunctionalInterface
        interface Texts {
            Optional<String> resolve(YNode n);
        }

        YNode get(String apiName) {
            return node.get(snake ? snakeName(apiName) : apiName);
        }

        /** A nested structure: a mapping, or Terraform's block (the first item of its list). */
        Props block(String apiName) {
            YNode v = get(apiName);
            if (snake && v.isSequence()) {
                List<YNode> items = v.items();
                v = items.isEmpty() ? v.get("0") : items.get(0);
            }
            return new Props(v, snake, texts);
        }

        List<Props> list(String apiName) {
            YNode v = get(apiName);
            List<YNode> items = snake && v.isMapping() ? List.of(v) : v.items(); // .tf.json: a block as one object
            return items.stream().map(n -> new Props(n, snake, texts)).toList();
        }

        boolean isPresent() {
            return node.isPresent() && !node.isNull();
        }

        Optional<String> text(YNode n) {
            return texts.resolve(n);
        }

        static String snakeName(String apiName) {
            if (apiName.equals("StepAdjustments")) {
                return "step_adjustment";
            }
            if (apiName.equals("PolicyName")) {
                return "name";
            }
            return apiName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        }
    }
}
