package dev.scalewise.policy;

import dev.scalewise.Numbers;

/**
 * What one replica is allocated, summed over its containers: what the serverless platforms bill by the second
 * (vCPU-seconds and GiB-seconds), and whether it holds a GPU, which their per-vCPU and per-GiB prices leave out.
 */
public record ReplicaShape(double vcpu, double memoryGib, boolean gpu) {
    /** "0.5 vCPU and 1 GiB". */
    public String describe() {
        return Numbers.plain(vcpu) + " vCPU and " + Numbers.plain(memoryGib) + " GiB";
    }
}
