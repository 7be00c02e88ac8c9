package dev.scalewise.sample;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the default sample (6 services, 14 days, 60 s, seed 42) that every realism claim rests on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetInvariantsTest {
    static final SampleConfig SAMPLE = new SampleConfig(6, 14, 60, 42, LocalDate.parse("2026-10-05"));
    List<ServiceSeries> fleet;

    @BeforeAll
    void generate() {
        fleet = FleetGenerator.generate(SAMPLE);
    }

    List<ServiceSeries> fleet() {
        return fleet;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void countsAreNonNegativeAndErrorsAreASubsetOfRequests(ServiceSeries s) {
        for (int i = 0; i < s.steps(); i++) {
            assertTrue(s.requests()[i] >= 0 && s.errors()[i] >= 0 && s.errors()[i] <= s.requests()[i], "step " + i);
            assertTrue(s.queueDepth()[i] >= 0 && s.inFlight()[i] >= 0, "step " + i);
            assertTrue(s.gpuUtil()[i] >= 0 && s.gpuUtil()[i] <= 1, "step " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void readyReplicasStayWithinTheHpaBounds(ServiceSeries s) {
        for (double r : s.readyReplicas()) {
            assertTrue(r >= s.profile().minReplicas() && r <= s.profile().maxReplicas(), s.profile().name() + ": " + r);
        }
    }

    /** Quartiles of load per ready replica: the mean SLO percentile rises from each to the next. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void latencyRisesWithLoadPerReplica(ServiceSeries s) {
        int n = s.steps();
        Integer[] order = new Integer[n];
        double[] load = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            load[i] = s.requests()[i] / (double) s.stepSeconds() / s.readyReplicas()[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(load[a], load[b]));
        double previous = 0;
        for (int q = 0; q < 4; q++) {
            double sum = 0;
            for (int k = q * n / 4; k < (q + 1) * n / 4; k++) {
                sum += s.sloLatencyMs(order[k]);
            }
            double mean = sum / (n / 4.0);
            assertTrue(mean > previous, s.profile().name() + " quartile " + q + ": " + mean + " <= " + previous);
            previous = mean;
        }
    }

    /** Billing is provisioned replica-hours x price, and starting pods are billed but do not serve. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fleet")
    void billedHoursCoverTheReadyHours(ServiceSeries s) {
        double readyHours = 0;
        for (double r : s.readyReplicas()) {
            readyHours += r * s.stepSeconds() / 3600.0;
        }
        double billedHours = s.totalReplicaHours();
        assertTrue(billedHours > readyHours, "billed " + billedHours + " vs ready " + readyHours);
        assertTrue(billedHours < 1.1 * readyHours, "start-up overhead stays small: " + billedHours / readyHours);
        assertEquals(SAMPLE.days() * 24, s.replicaHoursByHour().length);
    }

    @Test
    void theUnderProvisionedServiceBreachesAndTheOthersStayWithinBudget() {
        for (ServiceSeries s : fleet) {
            double ratio = s.breachSteps() / (double) s.steps();
            if (s.profile().name().equals(FleetProfiles.UNDER_PROVISIONED)) {
                assertTrue(ratio > 0.03, "under-provisioned breach ratio " + ratio);
                assertEquals(s.profile().maxReplicas(), s.maxReadyReplicas(), "pinned at maxReplicas");
                assertTrue(breachesAtLocalWeekdayDaytime(s) > 0.9 * s.breachSteps(), "breaches are at its peaks");
            } else if (s.profile().llm() != null) {
                // its HPA counts requests while the work a request brings moves with the token mix: minutes of long
                // prompts outrun the 30 % headroom, yet within the error budget
                assertTrue(ratio > 0.003 && ratio < s.profile().slo().errorBudget(), s.profile().name() + " breach ratio " + ratio);
            } else {
                assertTrue(ratio < 0.003, s.profile().name() + " breach ratio " + ratio);
            }
        }
    }

    @Test
    void demandHasDailyAndWeeklyCyclesAndTheLaunch() {
        ServiceSeries embed = byName("embed-search");
        double afternoon = 0;
        double night = 0;
        double weekday = 0;
        double weekend = 0;
        for (int i = 0; i < embed.steps(); i++) {
            ZonedDateTime local = Instant.ofEpochSecond(embed.startEpochSecond() + 60L * i).atZone(embed.profile().zone());
            double d = embed.demandRps()[i];
            afternoon += local.getHour() == 14 ? d : 0;
            night += local.getHour() == 2 ? d : 0;
            boolean isWeekend = local.getDayOfWeek().getValue() >= 6;
            weekday += isWeekend ? 0 : d / 10;
            weekend += isWeekend ? d / 4 : 0;
        }
        assertTrue(afternoon > 4 * night, "diurnal: " + afternoon + " vs " + night);
        assertTrue(weekend < 0.75 * weekday, "weekly: " + weekend + " vs " + weekday);

        ServiceSeries chat = byName(FleetProfiles.LAUNCH_SERVICE);
        int launchDay = (int) (SAMPLE.days() * FleetGenerator.LAUNCH_AT_SHARE_OF_SAMPLE);
        double before = max(chat.demandRps(), (launchDay - 7) * 1440, (launchDay - 6) * 1440);
        double launch = max(chat.demandRps(), launchDay * 1440, (launchDay + 1) * 1440);
        assertTrue(launch > 2.2 * before, "launch peak " + launch + " vs same weekday before " + before);
    }

    @Test
    void eachServiceDependsOnlyOnTheSeedAndItsName() {
        List<ServiceSeries> two = FleetGenerator.generate(new SampleConfig(2, 14, 60, 42, SAMPLE.startDate()));
        assertTrue(Arrays.equals(fleet.get(1).requests(), two.get(1).requests()));
        List<ServiceSeries> otherSeed = FleetGenerator.generate(new SampleConfig(2, 14, 60, 43, SAMPLE.startDate()));
        assertTrue(!Arrays.equals(fleet.get(1).requests(), otherSeed.get(1).requests()));
    }

    private static int breachesAtLocalWeekdayDaytime(ServiceSeries s) {
        int n = 0;
        for (int i = 0; i < s.steps(); i++) {
            ZonedDateTime local = Instant.ofEpochSecond(s.startEpochSecond() + (long) s.stepSeconds() * i)
                    .atZone(s.profile().zone());
            boolean peak = local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 20;
            n += peak && s.sloLatencyMs(i) > s.profile().slo().thresholdMs() ? 1 : 0;
        }
        return n;
    }

    /** The writer streams day by day; a day-by-day run must continue exactly where the last day ended. */
    @Test
    void dayByDayChunksEqualOneRun() {
        SampleConfig three = new SampleConfig(2, 3, 60, 42, SAMPLE.startDate());
        assertChunksEqualOneRun(three);
    }

    /** The same for the LLM server's token and TTFT/TPOT series (the sixth profile). */
    @Test
    void dayByDayChunksEqualOneRunForTheLlmServer() {
        SampleConfig three = new SampleConfig(6, 3, 60, 42, SAMPLE.startDate());
        assertChunksEqualOneRun(three);
    }

    private static void assertChunksEqualOneRun(SampleConfig three) {
        List<ServiceSeries> whole = FleetGenerator.generate(three);
        List<ServiceSimulator> simulators = FleetGenerator.simulators(three);
        for (int day = 0; day < three.days(); day++) {
            for (int s = 0; s < simulators.size(); s++) {
                ServiceSeries chunk = simulators.get(s).advance(three.stepsPerDay());
                int from = day * three.stepsPerDay();
                int to = from + three.stepsPerDay();
                ServiceSeries all = whole.get(s);
                assertTrue(Arrays.equals(Arrays.copyOfRange(all.requests(), from, to), chunk.requests()));
                assertTrue(Arrays.equals(Arrays.copyOfRange(all.p95Ms(), from, to), chunk.p95Ms()));
                assertTrue(Arrays.equals(Arrays.copyOfRange(all.gpuUtil(), from, to), chunk.gpuUtil()));
                for (int k = 0; all.llm() != null && k < all.llm().series().length; k++) {
                    assertTrue(Arrays.equals(Arrays.copyOfRange(all.llm().series()[k], from, to), chunk.llm().series()[k]),
                            all.profile().name() + " " + dev.scalewise.data.LlmSeries.NAMES.get(k) + " day " + day);
                }
                assertTrue(Arrays.equals(Arrays.copyOfRange(all.replicaHoursByHour(), day * 24, day * 24 + 24),
                        chunk.replicaHoursByHour()));
                assertEquals(all.startEpochSecond() + day * 86_400L, chunk.startEpochSecond());
            }
        }
    }

    private ServiceSeries byName(String name) {
        return fleet.stream().filter(s -> s.profile().name().equals(name)).findFirst().orElseThrow();
    }

    private static double max(double[] a, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, a[i]);
        }
        return m;
    }
}
