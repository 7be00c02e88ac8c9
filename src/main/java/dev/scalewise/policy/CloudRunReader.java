package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;
import dev.scalewise.yaml.YamlDoc;

import java.util.List;

/**
 * Google Cloud Run services: a {@code serving.knative.dev/v1} Service carrying Cloud Run's marks (the
 * {@code cloud.googleapis.com/location} label or a {@code run.googleapis.com/} annotation, as
 * {@code gcloud run services describe --format export} writes them). Defaults from Cloud Run's docs
 * (docs/autoscalers.md cites each): minScale 0, maxScale 100, containerConcurrency 80, CPU and
 * concurrency targets 60 %, CPU only during requests, no startup boost, idle instances kept 15 minutes.
 */
final class CloudRunReader {
    static final int MAX_INSTANCES = 100;
    static final int CONTAINER_CONCURRENCY = 80;
    static final double TARGET_UTILIZATION = 0.6;
    static final int IDLE_RETENTION_SECONDS = 900;

    private CloudRunReader() {
    }

    static boolean isCloudRun(YamlDoc doc) {
        YNode md = doc.root().get("metadata");
        return md.get("labels").has("cloud.googleapis.com/location")
                || md.get("annotations").entries().keySet().stream().anyMatch(k -> k.startsWith("run.googleapis.com/"))
                || doc.root().get("spec").get("template").get("metadata").get("annotations").entries().keySet().stream()
                .anyMatch(k -> k.startsWith("run.googleapis.com/"));
    }

    static CloudRunPolicy read(ManifestReading m) {
        YNode template = m.spec().get("template");
        YNode ann = template.get("metadata").get("annotations");
        Fields f = m.fields;
        YNode minNode = ann.get(CloudRunPolicy.MIN_SCALE_ANNOTATION);
        int min = Fields.atLeast(minNode, f.integer(minNode, "minReplicas", 0), 0);
        YNode maxNode = ann.get("autoscaling.knative.dev/maxScale");
        int max = Fields.atLeast(maxNode, f.integer(maxNode, "maxReplicas", MAX_INSTANCES), 1);
        Fields.checkBounds(maxNode, min, max);
        YNode ccNode = template.get("spec").get("containerConcurrency");
        int cc = f.integer(ccNode, "containerConcurrency", CONTAINER_CONCURRENCY);
        if (cc < 1 || cc > 1000) {
            throw ccNode.error("containerConcurrency must be between 1 and 1000 on Cloud Run, found " + cc);
        }
        m.editableText("minReplicas", minNode);
        m.editableText("maxReplicas", maxNode);
        m.editable("containerConcurrency", ccNode);
        f.mark("concurrencyTarget");
        f.mark("cpuTarget");
        f.mark("idleRetentionSeconds");
        boolean throttled = f.value(ann.get("run.googleapis.com/cpu-throttling"), "cpuAlwaysAllocated", true,
                YNode::optBool);
        boolean boost = f.value(ann.get("run.googleapis.com/startup-cpu-boost"), "startupCpuBoost", false, YNode::optBool);
        List<YNode> limits = template.get("spec").get("containers").items().stream()
                .map(c -> c.get("resources").get("limits")).toList();
        ReplicaShape shape = ReplicaShapeReader.read(limits, UpstreamDefaults.CloudRun.VCPU_PER_CONTAINER,
                UpstreamDefaults.CloudRun.MEMORY_GIB_PER_CONTAINER, f, "shape");
        String name = m.name();
        return new CloudRunPolicy(m.meta(name, m.service(name)), min, max, cc, TARGET_UTILIZATION, TARGET_UTILIZATION,
                !throttled, boost, IDLE_RETENTION_SECONDS, shape);
    }
}
