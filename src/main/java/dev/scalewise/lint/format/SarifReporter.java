package dev.scalewise.lint.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.LintReport;
import dev.scalewise.lint.RuleMeta;
import dev.scalewise.lint.Severity;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: tool.driver.rules with short and full descriptions and
 * help; results with ruleId, ruleIndex, level, message and a physical location whose URI is relative to
 * the repository root (uriBaseId %SRCROOT%) with a start line and column.
 */
final class SarifReporter implements Reporter {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private final ReportSettings settings;

    SarifReporter(ReportSettings settings) {
        this.settings = settings;
    }

    @Override
    public void write(LintReport report, Writer out) throws IOException {
        ObjectNode root = JsonReporter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "scalewise");
        driver.put("version", settings.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        List<RuleMeta> ran = report.rules();
        for (int i = 0; i < ran.size(); i++) {
            RuleMeta m = ran.get(i);
            index.put(m.id(), i);
            ObjectNode r = rules.addObject();
            r.put("id", m.id());
            r.put("name", m.name());
            r.putObject("shortDescription").put("text", m.title());
            r.putObject("fullDescription").put("text", m.rationale());
            ObjectNode help = r.putObject("help");
            help.put("text", m.remediation());
            help.put("markdown", "**" + m.title() + "**\n\n" + m.rationale() + "\n\n**Fix:** " + m.remediation());
            r.putObject("defaultConfiguration").put("level", level(m.severity()));
            r.putObject("properties").putArray("tags").add("autoscaling");
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            Integer i = index.get(f.ruleId());
            if (i != null) {
                res.put("ruleIndex", i);
            }
            res.put("level", level(f.severity()));
            res.putObject("message").put("text", f.message());
            ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", settings.relativeUri(f.location().file()));
            artifact.put("uriBaseId", "%SRCROOT%");
            if (f.location().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.location().line());
                region.put("startColumn", f.location().column());
            }
            // Lets code scanning follow a finding across commits that move lines.
            res.putObject("partialFingerprints").put("scalewise/v1",
                    f.ruleId() + ":" + f.object().kind() + "/" + f.object().namespace() + "/" + f.object().name() + ":" + f.path());
        }
        JsonReporter.MAPPER.writeValue(new NonClosingWriter(out), root);
        out.write("\n");
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }
}
