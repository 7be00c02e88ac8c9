package dev.scalewise.lint.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.scalewise.lint.Finding;
import dev.scalewise.lint.KubeVersion;
import dev.scalewise.lint.LintConfig;
import dev.scalewise.lint.LintContext;
import dev.scalewise.lint.LintReport;
import dev.scalewise.lint.Linter;
import dev.scalewise.lint.ObjectRef;
import dev.scalewise.lint.PolicyModel;
import dev.scalewise.lint.RuleRegistry;
import dev.scalewise.lint.Severity;
import dev.scalewise.yaml.SourceLocation;
import dev.scalewise.yaml.SafeYaml;
import dev.scalewise.yaml.YamlDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five formats over one report with findings from several rules, files and objects. */
class FormatsTest {
    private static final Path RULES = Path.of("src/test/resources/lint/rules");
    private static final ReportSettings SETTINGS = new ReportSettings("test", Path.of("."), false);
    private static LintReport report;

    @BeforeAll
    static void lintFixtures() {
        List<YamlDoc> docs = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (String id : List.of("SW101", "SW106", "SW115", "SW205", "SW301")) {
            String f = RULES.resolve(id).resolve("fail.yaml").toString();
            sources.add(f);
            docs.addAll(SafeYaml.load(f));
        }
        LintContext ctx = new LintContext(docs, LintConfig.DEFAULT, KubeVersion.DEFAULT, Optional.empty(), PolicyModel.NONE);
        report = new Linter(RuleRegistry.standard()).run(ctx, sources, Optional.empty());
        assertTrue(report.findings().size() >= 5, "fixture report too small: " + report.findings());
    }

    private static String render(OutputFormat format, LintReport r) throws IOException {
        StringWriter w = new StringWriter();
        format.reporter(SETTINGS).write(r, w);
        return w.toString();
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        JsonSchema schema = sarifSchema();
        JsonNode sarif = new ObjectMapper().readTree(render(OutputFormat.SARIF, report));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(Set.of(), errors);

        // The parts GitHub code scanning reads.
        JsonNode run = sarif.get("runs").get(0);
        JsonNode rules = run.get("tool").get("driver").get("rules");
        assertEquals(report.rules().size(), rules.size());
        for (JsonNode r : rules) {
            assertFalse(r.get("shortDescription").get("text").asText().isBlank());
            assertFalse(r.get("fullDescription").get("text").asText().isBlank());
            assertFalse(r.get("help").get("text").asText().isBlank());
        }
        JsonNode results = run.get("results");
        assertEquals(report.findings().size(), results.size());
        for (int i = 0; i < results.size(); i++) {
            Finding f = report.findings().get(i);
            JsonNode res = results.get(i);
            assertEquals(f.ruleId(), res.get("ruleId").asText());
            assertEquals(f.ruleId(), rules.get(res.get("ruleIndex").asInt()).get("id").asText());
            JsonNode loc = res.get("locations").get(0).get("physicalLocation");
            String uri = loc.get("artifactLocation").get("uri").asText();
            assertTrue(uri.startsWith("src/test/resources/lint/rules/"), uri);
            assertEquals(f.location().line(), loc.get("region").get("startLine").asInt());
            assertEquals(f.location().column(), loc.get("region").get("startColumn").asInt());
        }
    }

    @Test
    void sarifOfACleanRunIsValidToo() throws Exception {
        LintReport clean = new LintReport(List.of(), report.rules(), List.of(), List.of(), 0);
        assertEquals(Set.of(), sarifSchema().validate(new ObjectMapper().readTree(render(OutputFormat.SARIF, clean))));
    }

    /** The validator really checks: a result level SARIF does not define is rejected. */
    @Test
    void schemaRejectsAnInvalidLevel() throws Exception {
        String bad = render(OutputFormat.SARIF, report).replaceFirst("\"level\" : \"error\"", "\"level\" : \"fatal\"");
        assertFalse(sarifSchema().validate(new ObjectMapper().readTree(bad)).isEmpty());
    }

    private static JsonSchema sarifSchema() throws IOException {
        try (InputStream in = FormatsTest.class.getResourceAsStream("/lint/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    @Test
    void junitHasOneTestcasePerRuleAndObjectAndAFailurePerFailingPair() throws Exception {
        String xml = render(OutputFormat.JUNIT, report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        NodeList cases = doc.getElementsByTagName("testcase");
        assertEquals(report.checks().size(), cases.getLength());
        Set<String> seen = new HashSet<>();
        int failures = 0;
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            assertTrue(seen.add(c.getAttribute("classname") + "|" + c.getAttribute("name")), "duplicate testcase " + c.getAttribute("name"));
            failures += c.getElementsByTagName("failure").getLength();
        }
        long failingPairs = report.checks().stream().filter(ch -> !report.findingsOf(ch).isEmpty()).count();
        assertEquals(failingPairs, failures);
        assertEquals(String.valueOf(failingPairs), doc.getDocumentElement().getAttribute("failures"));
        // Every rule x object in scope: e.g. SW101 checked both HPAs of the run, failing one.
        long sw101 = report.checks().stream().filter(ch -> ch.rule().id().equals("SW101")).count();
        assertEquals(3, sw101); // HPAs in SW101, SW106, SW115 fixtures
    }

    @Test
    void junitEscapesMarkupInMessages() throws Exception {
        Finding f = new Finding("SW101", Severity.ERROR, "min <5> & \"max\" \u0001", new SourceLocation("a.yaml", 3, 4), "spec",
                new ObjectRef("HorizontalPodAutoscaler", "x<y", "", "a.yaml", 0));
        LintReport r = new LintReport(List.of(f), report.rules(),
                List.of(new LintReport.Check(RuleRegistry.standard().find("SW101").orElseThrow(), f.object())), List.of("a.yaml"), 0);
        String xml = render(OutputFormat.JUNIT, r);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("min <5> & \"max\" ", failure.getAttribute("message"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            plain message              | plain message              | plain message
            100% sure                  | 100%25 sure                | 100%25 sure
            a:b,c                      | a:b,c                      | a%3Ab%2Cc
            """)
    void githubEscapesDataAndProperties(String raw, String asData, String asProperty) {
        assertEquals(asData, GithubReporter.escapeData(raw));
        assertEquals(asProperty, GithubReporter.escapeProperty(raw));
    }

    @Test
    void githubEscapesLineBreaksAndWritesOneCommandPerFinding() throws IOException {
        assertEquals("a%0D%0Ab", GithubReporter.escapeData("a\r\nb"));
        Finding f = new Finding("SW203", Severity.WARNING, "line one\nline two: 50%", new SourceLocation("dir,x/a:b.yaml", 7, 3),
                "spec.cooldownPeriod", new ObjectRef("ScaledObject", "q", "", "dir,x/a:b.yaml", 0));
        LintReport r = new LintReport(List.of(f), report.rules(), List.of(), List.of(), 0);
        assertEquals("::warning file=dir%2Cx/a%3Ab.yaml,line=7,col=3,title=SW203 ScaledObject/q::line one%0Aline two: 50%25\n",
                render(OutputFormat.GITHUB, r));
        String all = render(OutputFormat.GITHUB, report);
        assertEquals(report.findings().size(), all.lines().count());
        assertTrue(all.lines().allMatch(l -> l.matches("::(error|warning|notice) file=[^,]+,line=\\d+,col=\\d+,title=[^:]+::.+")), all);
    }

    @Test
    void jsonListsEveryFindingWithLocationAndSummary() throws IOException {
        JsonNode json = new ObjectMapper().readTree(render(OutputFormat.JSON, report));
        assertEquals(report.findings().size(), json.get("findings").size());
        JsonNode first = json.get("findings").get(0);
        Finding f = report.findings().get(0);
        assertEquals(f.ruleId(), first.get("ruleId").asText());
        assertEquals(f.location().line(), first.get("line").asInt());
        assertEquals(f.path(), first.get("path").asText());
        assertEquals(report.count(Severity.ERROR), json.get("summary").get("errors").asLong());
    }

    @Test
    void textGroupsByFileWithoutColorUnlessAsked() throws IOException {
        String text = render(OutputFormat.TEXT, report);
        assertFalse(text.contains("\u001b["), "no ANSI codes when color is off");
        long headers = text.lines().filter(l -> l.startsWith("src/test/resources/lint/rules/")).count();
        assertEquals(report.findings().stream().map(x -> x.location().file()).distinct().count(), headers);
        StringWriter colored = new StringWriter();
        OutputFormat.TEXT.reporter(new ReportSettings("t", Path.of("."), true)).write(report, colored);
        assertTrue(colored.toString().contains("\u001b[31m"), "errors in red on a terminal");
    }
}
