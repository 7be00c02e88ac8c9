package dev.scalewise.recommend;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 22: edited manifests keep their place under --out, and --diff prints what changes as diff -u does. */
class ManifestOutputsTest {
    @Test
    void twoInputsWithOneFileNameKeepTheirDirectories() {
        Map<String, Path> p = ManifestOutputs.relativePaths(List.of("k8s/prod/hpa.yaml", "k8s/staging/hpa.yaml",
                "k8s/prod/keda/so.yaml"));
        assertEquals(Path.of("prod/hpa.yaml"), p.get("k8s/prod/hpa.yaml"));
        assertEquals(Path.of("staging/hpa.yaml"), p.get("k8s/staging/hpa.yaml"));
        assertEquals(Path.of("prod/keda/so.yaml"), p.get("k8s/prod/keda/so.yaml"));
    }

    @Test
    void filesOfOneDirectoryStayFlat() {
        Map<String, Path> p = ManifestOutputs.relativePaths(List.of("policies/hpa.yaml", "policies/./keda.yaml"));
        assertEquals(Path.of("hpa.yaml"), p.get("policies/hpa.yaml"));
        assertEquals(Path.of("keda.yaml"), p.get("policies/./keda.yaml"));
    }

    /**
     * Worked out as GNU diff -u prints it: one changed line with three lines of context on each side (the
     * file has two before and four after it), so one hunk covering lines 1-6 of both.
     */
    @Test
    void aUnifiedDiffPerManifest() {
        String before = "spec:\n  minReplicas: 2\n  maxReplicas: 20 # peak\n  metrics:\n  - type: Pods\n  x: 1\n  y: 2\n";
        String after = before.replace("maxReplicas: 20", "maxReplicas: 46");
        assertEquals("""
                --- a/prod/hpa.yaml
                +++ b/prod/hpa.yaml
                @@ -1,6 +1,6 @@
                 spec:
                   minReplicas: 2
                -  maxReplicas: 20 # peak
                +  maxReplicas: 46 # peak
                   metrics:
                   - type: Pods
                   x: 1
                """, ManifestOutputs.unifiedDiff("prod/hpa.yaml", before, after));
        assertEquals("", ManifestOutputs.unifiedDiff("prod/hpa.yaml", before, before));
    }
}
