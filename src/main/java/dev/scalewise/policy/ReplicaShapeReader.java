package dev.scalewise.policy;

import dev.scalewise.yaml.YNode;

import java.util.List;

/**
 * Reads what one replica is allocated from its containers' resources (Container Apps'
 * {@code resources.cpu}/{@code memory}, Cloud Run's {@code resources.limits}): the sum over the containers,
 * each container's missing value taken from the platform's default and listed as defaulted.
 */
final class ReplicaShapeReader {
    private static final double BYTES_PER_GIB = 1L << 30;
    private static final String GPU = "nvidia.com/gpu";

    private ReplicaShapeReader() {
    }

    /**
     * @param resources    each container's resources mapping (a missing node when the container sets none); an
     *                     empty list counts as one container with the defaults
     * @param defaultVcpu  the platform's vCPU per container when it is not set
     * @param defaultGib   its memory per container, GiB
     * @param field        the normalized path the defaulted values are listed under ("containerApp.shape")
     */
    static ReplicaShape read(List<YNode> resources, double defaultVcpu, double defaultGib, Fields f, String field) {
        if (resources.isEmpty()) {
            f.mark(field + ".vcpu");
            f.mark(field + ".memoryGib");
            return new ReplicaShape(defaultVcpu, defaultGib, false);
        }
        double vcpu = 0;
        double gib = 0;
        boolean gpu = false;
        for (YNode r : resources) {
            vcpu += positive(r.get("cpu"), f.value(r.get("cpu"), field + ".vcpu", defaultVcpu, YNode::optQuantity), "cpu");
            gib += positive(r.get("memory"), f.value(r.get("memory"), field + ".memoryGib", defaultGib,
                    n -> n.optQuantity().map(bytes -> bytes / BYTES_PER_GIB)), "memory");
            gpu |= r.get(GPU).optQuantity().filter(g -> g > 0).isPresent();
        }
        return new ReplicaShape(vcpu, gib, gpu);
    }

    private static double positive(YNode node, double v, String what) {
        if (!(v > 0)) {
            throw node.error(what + " must be above 0, found " + node.text().orElse(String.valueOf(v)));
        }
        return v;
    }
}
