package dev.scalewise.importer.billing;

import dev.scalewise.cli.Main;
import dev.scalewise.jobs.ParquetFiles;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each provider's export shape becomes contract billing rows; unattributable cost is counted, not lost. */
class BillingImportTest {
    private static final Path FIXTURES = Path.of("src/test/resources/fixtures/billing");
    private static final long H = 3_600_000L;
    private static final long OCT5 = Instant.parse("2026-10-05T00:00:00Z").toEpochMilli();

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(Main.run(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void azureFocusCsvWithCaseInsensitiveTagsAndUntaggedRows(@TempDir Path tmp) throws Exception {
        Run r = cli("import", "billing", "--out", tmp.toString(), FIXTURES.resolve("azure-focus-1.0.csv").toString());
        assertEquals(0, r.code(), r.err());
        List<GenericRecord> rows = billing(tmp);
        assertEquals(4, rows.size());
        assertEquals(List.of("billing/date=2026-10-05", "billing/date=2026-10-06"), partitions(tmp));
        GenericRecord first = rows.get(0);
        assertEquals(OCT5, first.get("ChargePeriodStart"));
        assertEquals(OCT5 + 24 * H, first.get("ChargePeriodEnd"));
        List<String> services = rows.stream().map(BillingImportTest::service).toList();
        assertEquals(2, services.stream().filter("llm-chat"::equals).count(), "the 'Service' key counts too");
        double llmChat = rows.stream().filter(x -> "llm-chat".equals(service(x)))
                .mapToDouble(x -> (Double) x.get("EffectiveCost")).sum();
        assertEquals(168.96 + 176.00, llmChat, 1e-9);
        assertTrue(r.err().contains("2 of 4 rows (3.85 USD of 348.81 USD) carry no 'service' tag"), r.err());
        assertTrue(r.err().contains("Tag keys on those rows: team"), r.err());
        assertTrue(r.out().contains("(FOCUS)") && r.out().contains("llm-chat") && r.out().contains("344.96 USD"), r.out());
    }

    @Test
    void awsFocusParquetWithAMapOfTags(@TempDir Path tmp) throws Exception {
        Schema tags = Schema.createMap(Schema.create(Schema.Type.STRING));
        Schema ts = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        Schema schema = SchemaBuilder.record("focus_1_0_aws").fields()
                .name("BilledCost").type().doubleType().noDefault()
                .name("BillingAccountId").type().stringType().noDefault()
                .name("BillingCurrency").type().stringType().noDefault()
                .name("ChargeCategory").type().stringType().noDefault()
                .name("ChargePeriodEnd").type(ts).noDefault()
                .name("ChargePeriodStart").type(ts).noDefault()
                .name("ConsumedQuantity").type().optional().doubleType()
                .name("ConsumedUnit").type().optional().stringType()
                .name("EffectiveCost").type().doubleType().noDefault()
                .name("ResourceId").type().optional().stringType()
                .name("SkuId").type().optional().stringType()
                .name("Tags").type(tags).noDefault()
                .name("x_ServiceCode").type().stringType().noDefault()
                .name("x_UsageType").type().stringType().noDefault()
                .endRecord();
        List<GenericRecord> rows = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            GenericRecord g = new GenericData.Record(schema);
            g.put("BilledCost", 32.77);
            g.put("BillingAccountId", "123456789012");
            g.put("BillingCurrency", "USD");
            g.put("ChargeCategory", "Usage");
            g.put("ChargePeriodStart", OCT5 + h * H);
            g.put("ChargePeriodEnd", OCT5 + (h + 1) * H);
            g.put("ConsumedQuantity", 1.0);
            g.put("ConsumedUnit", "Hrs");
            g.put("EffectiveCost", h == 2 ? 0.0 : 24.58);
            g.put("ResourceId", "arn:aws:ec2:us-east-1:123456789012:instance/i-0a1b2c3d4e5f6a7b" + h);
            g.put("SkuId", "8VCNEHQMSCQS4P39");
            g.put("Tags", h == 2 ? Map.of("aws:eks:cluster-name", "inference-prod")
                    : Map.of("user:service", "llm-code", "user:team", "devtools"));
            g.put("x_ServiceCode", "AmazonEC2");
            g.put("x_UsageType", "USE1-BoxUsage:p5.48xlarge");
            rows.add(g);
        }
        Path file = tmp.resolve("exports/focus-00001.snappy.parquet");
        ParquetFiles.write(file, schema, rows);
        Run r = cli("import", "billing", "--out", tmp.resolve("data").toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        List<GenericRecord> out = billing(tmp.resolve("data"));
        assertEquals(List.of("llm-code", "llm-code", ""), out.stream().map(BillingImportTest::service).toList(),
                "user:service found by the user: prefix");
        assertEquals(Map.of("service", "llm-code", "user:service", "llm-code", "user:team", "devtools"), tags(out.get(0)));
        assertEquals("Hrs", out.get(0).get("ConsumedUnit").toString());
        assertTrue(r.err().contains("1 of 3 rows (0.00 USD of 49.16 USD)"), r.err());
    }

    @Test
    void googleFocusParquetWithDecimalCostsMicrosAndKeyValueTags(@TempDir Path tmp) throws Exception {
        Schema dec = LogicalTypes.decimal(38, 9).addToSchema(Schema.create(Schema.Type.BYTES));
        Schema ts = LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
        Schema tag = SchemaBuilder.record("Tags").fields().requiredString("key").requiredString("value")
                .requiredString("x_type").requiredBoolean("x_inherited").requiredString("x_namespace").endRecord();
        Schema schema = SchemaBuilder.record("gcp_billing_export_focus").fields()
                .name("BilledCost").type(dec).noDefault()
                .name("BillingCurrency").type().stringType().noDefault()
                .name("ChargePeriodEnd").type(ts).noDefault()
                .name("ChargePeriodStart").type(ts).noDefault()
                .name("EffectiveCost").type(dec).noDefault()
                .name("ResourceId").type().optional().stringType()
                .name("SkuId").type().optional().stringType()
                .name("Tags").type(Schema.createArray(tag)).noDefault()
                .endRecord();
        Conversions.DecimalConversion decimals = new Conversions.DecimalConversion();
        List<GenericRecord> rows = new ArrayList<>();
        String[][] labels = {{"service", "vision-ocr"}, {"goog-k8s-cluster-name", "inference-eu"}};
        for (int i = 0; i < 2; i++) {
            GenericRecord g = new GenericData.Record(schema);
            g.put("BilledCost", decimals.toBytes(new BigDecimal("2.188000000"), dec, dec.getLogicalType()));
            g.put("EffectiveCost", decimals.toBytes(new BigDecimal("1.859800000"), dec, dec.getLogicalType()));
            g.put("BillingCurrency", "EUR");
            g.put("ChargePeriodStart", (OCT5 + i * H) * 1000);
            g.put("ChargePeriodEnd", (OCT5 + (i + 1) * H) * 1000);
            g.put("ResourceId", "//compute.googleapis.com/projects/infer/zones/europe-west4-a/instances/gke-gpu-" + i);
            g.put("SkuId", "B0E0-ED2A-3A05");
            GenericRecord t = new GenericData.Record(tag);
            t.put("key", labels[i][0]);
            t.put("value", labels[i][1]);
            t.put("x_type", i == 0 ? "label" : "system_label");
            t.put("x_inherited", false);
            t.put("x_namespace", "");
            g.put("Tags", new GenericData.Array<>(Schema.createArray(tag), List.of(t)));
            rows.add(g);
        }
        Path file = tmp.resolve("gcp-focus.parquet");
        ParquetFiles.write(file, schema, rows);
        Run r = cli("import", "billing", "--out", tmp.resolve("data").toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        List<GenericRecord> out = billing(tmp.resolve("data"));
        assertEquals(1.8598, (Double) out.get(0).get("EffectiveCost"), 1e-12);
        assertEquals(OCT5, out.get(0).get("ChargePeriodStart"));
        assertEquals("EUR", out.get(0).get("BillingCurrency").toString());
        assertEquals("vision-ocr", service(out.get(0)));
        assertEquals(Map.of("goog-k8s-cluster-name", "inference-eu"), tags(out.get(1)));
    }

    @Test
    void cur2LineItemTypesGiveTheDocumentedEffectiveCost(@TempDir Path tmp) throws Exception {
        Schema ts = LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG));
        Schema schema = SchemaBuilder.record("cur2").fields()
                .name("line_item_usage_start_date").type(ts).noDefault()
                .name("line_item_usage_end_date").type(ts).noDefault()
                .requiredString("line_item_line_item_type")
                .requiredDouble("line_item_unblended_cost")
                .optionalDouble("line_item_net_unblended_cost")
                .optionalDouble("reservation_effective_cost")
                .optionalDouble("savings_plan_savings_plan_effective_cost")
                .requiredString("line_item_currency_code")
                .optionalString("line_item_resource_id")
                .optionalString("product_sku")
                .optionalDouble("line_item_usage_amount")
                .optionalString("pricing_unit")
                .name("resource_tags").type(Schema.createMap(Schema.create(Schema.Type.STRING))).noDefault()
                .endRecord();
        Object[][] lines = {
                // type, unblended, reservation effective, SP effective, expected EffectiveCost
                {"Usage", 10.0, null, null, 10.0},
                {"DiscountedUsage", 0.0, 7.5, null, 7.5},
                {"SavingsPlanCoveredUsage", 12.0, null, 8.4, 8.4},
                {"SavingsPlanNegation", -12.0, null, null, 0.0},
                {"RIFee", 30.0, null, null, 0.0},
                {"Tax", 1.3, null, null, 1.3},
        };
        List<GenericRecord> rows = new ArrayList<>();
        for (Object[] l : lines) {
            GenericRecord g = new GenericData.Record(schema);
            g.put("line_item_usage_start_date", OCT5);
            g.put("line_item_usage_end_date", OCT5 + H);
            g.put("line_item_line_item_type", l[0]);
            g.put("line_item_unblended_cost", l[1]);
            g.put("reservation_effective_cost", l[2]);
            g.put("savings_plan_savings_plan_effective_cost", l[3]);
            g.put("line_item_currency_code", "USD");
            g.put("line_item_resource_id", "i-0" + l[0].toString().length());
            g.put("product_sku", "SKU" + l[0]);
            g.put("resource_tags", l[0].equals("Tax") ? Map.of() : Map.of("user_service", "rerank"));
            rows.add(g);
        }
        Path file = tmp.resolve("cur2.parquet");
        ParquetFiles.write(file, schema, rows);
        Run r = cli("import", "billing", "--out", tmp.resolve("data").toString(), file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(AWS CUR 2.0)"), r.out());
        Map<String, Double> effective = new TreeMap<>();
        for (GenericRecord g : billing(tmp.resolve("data"))) {
            effective.put(g.get("SkuId").toString(), (Double) g.get("EffectiveCost"));
        }
        for (Object[] l : lines) {
            assertEquals((Double) l[4], effective.get("SKU" + l[0]), 1e-12, l[0].toString());
        }
        assertTrue(r.err().contains("1 of 6 rows (1.30 USD of 27.20 USD)"), r.err());
    }

    @Test
    void openCostAllocationsByDeployment(@TempDir Path tmp) throws Exception {
        Run r = cli("import", "billing", "--out", tmp.toString(), "--currency", "eur",
                FIXTURES.resolve("opencost-allocation-deployment.json").toString());
        assertEquals(0, r.code(), r.err());
        List<GenericRecord> rows = billing(tmp);
        assertEquals(5, rows.size());
        Map<String, Double> byService = new TreeMap<>();
        for (GenericRecord g : rows) {
            byService.merge(service(g), (Double) g.get("EffectiveCost"), Double::sum);
            assertEquals("EUR", g.get("BillingCurrency").toString());
        }
        assertEquals(33.93 + 29.53, byService.get("llm-chat"), 1e-9);
        assertEquals(4.57, byService.get("rerank"), 1e-9);
        assertEquals(4.89 + 0.31, byService.get(""), 1e-9, "idle and unallocated belong to no service");
        assertTrue(r.err().contains("2 of 5 rows (5.20 EUR of 73.23 EUR)"), r.err());
        // by a label instead: the app label names the same services
        Run byLabel = cli("import", "billing", "--out", tmp.resolve("b").toString(), "--service-tag", "app",
                FIXTURES.resolve("opencost-allocation-deployment.json").toString());
        assertEquals(0, byLabel.code(), byLabel.err());
        assertEquals(3, billing(tmp.resolve("b")).stream().filter(g -> !service(g).isEmpty()).count());
    }

    @Test
    void theSampleFleetsFocusParquetComesBackAsItWas(@TempDir Path tmp) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("sample-data/billing"))) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
        List<String> args = new ArrayList<>(List.of("import", "billing", "--out", tmp.toString()));
        files.forEach(f -> args.add(f.toString()));
        Run r = cli(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        List<String> want = new ArrayList<>();
        for (Path f : files) {
            read(f).forEach(g -> want.add(g.toString()));
        }
        List<String> got = billing(tmp).stream().map(GenericRecord::toString).toList();
        assertEquals(want.stream().sorted().toList(), got.stream().sorted().toList());
        assertEquals(partitions(Path.of("sample-data")).stream().filter(p -> p.startsWith("billing")).toList(),
                partitions(tmp));
        Run again = cli(args.toArray(String[]::new));
        assertTrue(again.out().contains("0 days written, 14 already there"), again.out());
    }

    @Test
    void badExportsStopWithFileRowAndColumnAndWriteNothing(@TempDir Path tmp) throws Exception {
        Path noCost = tmp.resolve("no-cost.csv");
        Files.writeString(noCost, "ChargePeriodStart,ChargePeriodEnd,BilledCost,BillingCurrency\n"
                + "2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,1.0,USD\n");
        Run r = cli("import", "billing", "--out", tmp.resolve("a").toString(), noCost.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(noCost + ": not a cost export") && r.err().contains("EffectiveCost"), r.err());
        Path badTime = tmp.resolve("bad-time.csv");
        Files.writeString(badTime, "chargeperiodstart,chargeperiodend,effectivecost,billedcost,billingcurrency,tags\n"
                + "2026-10-05T00:00:00Z,2026-10-05T01:00:00Z,1.0,1.0,USD,\n"
                + "05/10/2026 01:00,2026-10-05T02:00:00Z,1.0,1.0,USD,\n");
        r = cli("import", "billing", "--out", tmp.resolve("b").toString(), badTime.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(badTime + ": line 3, column ChargePeriodStart: expected a timestamp"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(List.of(), partitions(tmp.resolve("a")));
        assertEquals(List.of(), partitions(tmp.resolve("b")));
    }

    private static String service(GenericRecord g) {
        Object s = ((Map<?, ?>) g.get("Tags")).entrySet().stream().filter(e -> e.getKey().toString().equals("service"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        return s == null ? "" : s.toString();
    }

    private static Map<String, String> tags(GenericRecord g) {
        Map<String, String> out = new TreeMap<>();
        ((Map<?, ?>) g.get("Tags")).forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }

    static List<GenericRecord> billing(Path data) throws IOException {
        List<GenericRecord> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(data.resolve("billing"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList()) {
                out.addAll(read(f));
            }
        }
        return out;
    }

    static List<GenericRecord> read(Path file) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toAbsolutePath().toUri()), new Configuration())).build()) {
            for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                rows.add(r);
            }
        }
        return rows;
    }

    static List<String> partitions(Path root) throws IOException {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root, 2)) {
            return s.filter(p -> p.getFileName().toString().startsWith("date="))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
