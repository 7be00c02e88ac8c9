package dev.scalewise.importer.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scalewise.UserError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * OpenCost's allocation API answer ({@code GET /allocation?window=...&aggregate=deployment&step=1h}
 * or {@code aggregate=label:app}, saved as JSON): {@code data} is a list of sets, one per step, each
 * mapping an allocation name to its {@code start}, {@code end}, {@code totalCost} and
 * {@code properties} (cluster, namespace, controller, controllerKind, labels). Each allocation becomes
 * one cost row: EffectiveCost = BilledCost = totalCost, in the currency the user names (OpenCost's
 * answer carries none). Tags are the allocation's labels plus cluster, namespace, controller and
 * controllerKind; the service is the label {@code --service-tag} when present, else the Deployment
 * (the controller, or the allocation's name under aggregate=deployment). OpenCost's own buckets
 * ({@code __idle__}, {@code __unallocated__}, ...) get no service: they are reported as unattributable.
 */
final class OpenCostAllocations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenCostAllocations() {
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    static List<BillingLine> read(Path file, int fileIndex, String serviceTag, String currency) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode data = root.path("data");
        if (!data.isArray()) {
            throw new UserError(file + ": expected OpenCost's /allocation answer, {\"code\": 200, \"data\": [{NAME:"
                    + " {ALLOCATION}}, ...]}; found no 'data' list");
        }
        List<BillingLine> out = new ArrayList<>();
        long row = 0;
        for (int set = 0; set < data.size(); set++) {
            for (Iterator<Map.Entry<String, JsonNode>> it = data.get(set).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = e.getValue();
                String where = file + ": data[" + set + "]." + e.getKey();
                JsonNode start = a.hasNonNull("start") ? a.get("start") : a.path("window").path("start");
                JsonNode end = a.hasNonNull("end") ? a.get("end") : a.path("window").path("end");
                if (start.isMissingNode() || end.isMissingNode() || !a.has("totalCost")) {
                    throw new UserError(where + ": expected start, end and totalCost in the allocation");
                }
                double cost = a.get("totalCost").asDouble();
                SortedMap<String, String> tags = new TreeMap<>();
                JsonNode props = a.path("properties");
                props.path("labels").fields().forEachRemaining(l -> tags.put(l.getKey(), l.getValue().asText()));
                for (String p : List.of("cluster", "namespace", "controller", "controllerKind")) {
                    if (props.hasNonNull(p)) {
                        tags.put(p, props.get(p).asText());
                    }
                }
                String name = e.getKey();
                String service = tags.get(serviceTag);
                if (service == null && !name.startsWith("__")) {
                    service = props.hasNonNull("controller") ? props.get("controller").asText()
                            : name.substring(name.lastIndexOf('/') + 1);
                }
                if (service != null && !service.isBlank()) {
                    tags.put(BillingImport.SERVICE, service);
                }
                String resource = "opencost:" + props.path("cluster").asText("") + "/"
                        + props.path("namespace").asText("") + "/" + name;
                out.add(new BillingLine(Values.instantMs(start.asText(), where + ".start"),
                        Values.instantMs(end.asText(), where + ".end"), cost, cost, currency, resource, null, null,
                        null, tags, fileIndex, row++));
            }
        }
        return out;
    }
}
