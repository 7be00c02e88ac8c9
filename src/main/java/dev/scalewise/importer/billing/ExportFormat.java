package dev.scalewise.importer.billing;

import dev.scalewise.UserError;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * The cost exports `import billing` reads, told apart by their columns, and how each row becomes a
 * {@link BillingLine}.
 *
 * <ul>
 *   <li>FOCUS 1.x (AWS Data Exports "FOCUS 1.0/1.2 with AWS columns", Google Cloud's FOCUS BigQuery
 *   export, Azure Cost Management's FOCUS export), CSV or Parquet: the columns are the contract's own,
 *   matched without case or underscores, extra columns ignored.</li>
 *   <li>AWS CUR 2.0 Parquet ({@code line_item_*} columns): EffectiveCost by line item type as the
 *   contract documents (schemas/README.md, billing).</li>
 * </ul>
 * OpenCost's allocation JSON is read by {@link OpenCostAllocations}.
 */
enum ExportFormat {
    FOCUS, CUR2;

    static final List<String> FOCUS_REQUIRED = List.of("ChargePeriodStart", "ChargePeriodEnd", "EffectiveCost",
            "BilledCost", "BillingCurrency");
    static final List<String> CUR2_REQUIRED = List.of("line_item_usage_start_date", "line_item_usage_end_date",
            "line_item_line_item_type", "line_item_unblended_cost", "line_item_currency_code");

    /** Line item types whose cost is amortized into the rows they cover (CUR 2.0 data dictionary). */
    private static final Set<String> AMORTIZED_ELSEWHERE = Set.of("savingsplannegation", "savingsplanupfrontfee",
            "savingsplanrecurringfee", "rifee");

    static ExportFormat detect(Path file, List<String> columns) {
        if (columns.containsAll(FOCUS_REQUIRED.stream().map(Values::normalize).toList())) {
            return FOCUS;
        }
        if (columns.containsAll(CUR2_REQUIRED.stream().map(Values::normalize).toList())) {
            return CUR2;
        }
        throw new UserError(file + ": not a cost export this command reads: expected the FOCUS columns "
                + FOCUS_REQUIRED + " or the AWS CUR 2.0 columns " + CUR2_REQUIRED
                + " (any case); found " + (columns.size() > 20 ? columns.subList(0, 20) + "..." : columns));
    }

    BillingLine line(ExportTable.Row r, int fileIndex) {
        return this == FOCUS ? focus(r, fileIndex) : cur2(r, fileIndex);
    }

    private static BillingLine focus(ExportTable.Row r, int fileIndex) {
        return new BillingLine(
                Values.instantMs(required(r, "ChargePeriodStart"), r.where("ChargePeriodStart")),
                Values.instantMs(required(r, "ChargePeriodEnd"), r.where("ChargePeriodEnd")),
                requiredNumber(r, "EffectiveCost"),
                requiredNumber(r, "BilledCost"),
                Values.text(required(r, "BillingCurrency")).strip().toUpperCase(Locale.ROOT),
                Values.textOrNull(r.get("resourceid")),
                Values.textOrNull(r.get("skuid")),
                Values.number(r.get("consumedquantity"), r.where("ConsumedQuantity")),
                Values.textOrNull(r.get("consumedunit")),
                Values.tags(r.get("tags"), r.where("Tags")),
                fileIndex, r.index());
    }

    private static BillingLine cur2(ExportTable.Row r, int fileIndex) {
        String type = Values.text(required(r, "line_item_line_item_type")).strip();
        double unblended = requiredNumber(r, "line_item_unblended_cost");
        Double net = Values.number(r.get("lineitemnetunblendedcost"), r.where("line_item_net_unblended_cost"));
        double billed = net != null ? net : unblended;
        double effective = switch (type.toLowerCase(Locale.ROOT)) {
            case "discountedusage" -> orZero(r, "reservation_effective_cost");
            case "savingsplancoveredusage" -> orZero(r, "savings_plan_savings_plan_effective_cost");
            default -> AMORTIZED_ELSEWHERE.contains(type.toLowerCase(Locale.ROOT)) ? 0 : billed;
        };
        String sku = Values.textOrNull(r.get("productsku"));
        if (sku == null && r.get("product") instanceof Map<?, ?> product && product.get("sku") != null) {
            sku = product.get("sku").toString();
        }
        SortedMap<String, String> tags = Values.tags(r.get("resourcetags"), r.where("resource_tags"));
        return new BillingLine(
                Values.instantMs(required(r, "line_item_usage_start_date"), r.where("line_item_usage_start_date")),
                Values.instantMs(required(r, "line_item_usage_end_date"), r.where("line_item_usage_end_date")),
                effective, billed,
                Values.text(required(r, "line_item_currency_code")).strip().toUpperCase(Locale.ROOT),
                Values.textOrNull(r.get("lineitemresourceid")), sku,
                Values.number(r.get("lineitemusageamount"), r.where("line_item_usage_amount")),
                Values.textOrNull(r.get("pricingunit")), tags, fileIndex, r.index());
    }

    private static double orZero(ExportTable.Row r, String column) {
        Double v = Values.number(r.get(Values.normalize(column)), r.where(column));
        return v == null ? 0 : v;
    }

    private static Object required(ExportTable.Row r, String column) {
        Object v = r.get(Values.normalize(column));
        if (v == null || (v instanceof String s && s.isBlank())) {
            throw new UserError(r.where(column) + ": the value is empty; the contract needs it");
        }
        return v;
    }

    private static double requiredNumber(ExportTable.Row r, String column) {
        Double v = Values.number(required(r, column), r.where(column));
        if (!Double.isFinite(v)) {
            throw new UserError(r.where(column) + ": expected a finite number, found " + v);
        }
        return v;
    }
}
