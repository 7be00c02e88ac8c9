package dev.scalewise.sample;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Demand of one service in requests per second:
 * <pre>
 * rate(t) = peakRps x diurnal(local hour) x weekly(local day) x (1 + weeklyGrowth)^(weeks since start)
 *           x noise(t) x launch(t) x (1 + bursts(t))
 * </pre>
 * <ul>
 *   <li>diurnal(h) = trough + (1 - trough) x ((1 + cos(2 pi (h - 14) / 24)) / 2)^1.5: 1 at 14:00 local,
 *       {@code trough} at 02:00 local.</li>
 *   <li>weekly = {@code weekendFactor} on local Saturday and Sunday, else 1.</li>
 *   <li>noise = exp(x - sigma^2/2), x an AR(1) process with sigma {@value #NOISE_SIGMA} and correlation time
 *       {@value #NOISE_TAU_SECONDS} s: minutes-long wobbles, mean 1.</li>
 *   <li>bursts: Poisson({@code burstsPerDay}) per day at uniform times, each multiplying the rate by
 *       1 + U(0.1, 0.5) for U(2, 6) minutes (a retry storm, a batch client, a viral link).</li>
 *   <li>launch (one service): ramps linearly to {@value #LAUNCH_FACTOR}x over 30 min, holds 3 h, then
 *       decays with a 90-min time constant to a lasting +15 %.</li>
 * </ul>
 * Call {@link #rate} with non-decreasing times: the noise is a process, not a function.
 */
final class DemandModel {
    static final double NOISE_SIGMA = 0.08;
    static final double NOISE_TAU_SECONDS = 600;
    static final double LAUNCH_FACTOR = 3.0;
    static final double LAUNCH_RAMP_SECONDS = 1800;
    static final double LAUNCH_HOLD_SECONDS = 3 * 3600;
    static final double LAUNCH_DECAY_SECONDS = 5400;
    static final double LAUNCH_LASTING_UPLIFT = 0.15;
    private static final double PEAK_HOUR = 14;
    private static final double DIURNAL_SHAPE = 1.5;

    private final ServiceProfile profile;
    private final ZoneRules zone;
    private final long startEpochSecond;
    private final SplittableRandom noiseRandom;
    private final List<Burst> bursts;
    private final Optional<Long> launchEpochSecond;
    private double logNoise;
    private long lastNoiseSecond;

    record Burst(long startEpochSecond, long endEpochSecond, double extraShare) {
    }

    DemandModel(ServiceProfile profile, long startEpochSecond, long endEpochSecond,
                Optional<Long> launchEpochSecond, SplittableRandom random) {
        this.profile = profile;
        this.zone = profile.zone().getRules();
        this.startEpochSecond = startEpochSecond;
        this.launchEpochSecond = launchEpochSecond;
        this.noiseRandom = random.split();
        this.bursts = drawBursts(profile, startEpochSecond, endEpochSecond, random.split());
        this.logNoise = NOISE_SIGMA * Gaussian.next(noiseRandom);
        this.lastNoiseSecond = startEpochSecond;
    }

    private static List<Burst> drawBursts(ServiceProfile p, long start, long end, SplittableRandom random) {
        List<Burst> out = new ArrayList<>();
        for (long day = start; day < end; day += 86_400) {
            long n = Gaussian.poisson(random, p.burstsPerDay());
            for (int i = 0; i < n; i++) {
                long at = day + (long) (random.nextDouble() * 86_400);
                long seconds = 120 + (long) (random.nextDouble() * 240);
                out.add(new Burst(at, at + seconds, 0.1 + 0.4 * random.nextDouble()));
            }
        }
        return out;
    }

    List<Burst> bursts() {
        return bursts;
    }

    /** The deterministic part: seasonality x growth x launch, no noise, no bursts. */
    double expectedRate(long epochSecond) {
        ZoneOffset offset = zone.getOffset(Instant.ofEpochSecond(epochSecond));
        long local = epochSecond + offset.getTotalSeconds();
        double hour = Math.floorMod(local, 86_400L) / 3600.0;
        DayOfWeek day = DayOfWeek.of((int) (Math.floorMod(Math.floorDiv(local, 86_400L) + 3, 7L)) + 1);
        double weekly = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? profile.weekendFactor() : 1;
        double weeks = (epochSecond - startEpochSecond) / (7 * 86_400.0);
        double growth = StrictMath.pow(1 + profile.weeklyGrowth(), weeks);
        return profile.peakRps() * diurnal(hour, profile.diurnalTrough()) * weekly * growth * launch(epochSecond);
    }

    static double diurnal(double localHour, double trough) {
        double wave = (1 + StrictMath.cos(2 * StrictMath.PI * (localHour - PEAK_HOUR) / 24)) / 2;
        return trough + (1 - trough) * StrictMath.pow(wave, DIURNAL_SHAPE);
    }

    private double launch(long epochSecond) {
        if (launchEpochSecond.isEmpty() || epochSecond < launchEpochSecond.get()) {
            return 1;
        }
        double since = epochSecond - launchEpochSecond.get();
        double peakExtra = LAUNCH_FACTOR - 1;
        if (since < LAUNCH_RAMP_SECONDS) {
            return 1 + peakExtra * since / LAUNCH_RAMP_SECONDS;
        }
        if (since < LAUNCH_RAMP_SECONDS + LAUNCH_HOLD_SECONDS) {
            return LAUNCH_FACTOR;
        }
        double decaying = since - LAUNCH_RAMP_SECONDS - LAUNCH_HOLD_SECONDS;
        double extra = peakExtra - LAUNCH_LASTING_UPLIFT;
        return 1 + LAUNCH_LASTING_UPLIFT + extra * StrictMath.exp(-decaying / LAUNCH_DECAY_SECONDS);
    }

    /** Demand in requests per second at {@code epochSecond}: expected x noise + bursts. */
    double rate(long epochSecond) {
        advanceNoise(epochSecond);
        double noise = StrictMath.exp(logNoise - NOISE_SIGMA * NOISE_SIGMA / 2);
        return expectedRate(epochSecond) * noise * (1 + burstExtra(epochSecond));
    }

    private void advanceNoise(long epochSecond) {
        long dt = epochSecond - lastNoiseSecond;
        if (dt <= 0) {
            return;
        }
        double phi = StrictMath.exp(-dt / NOISE_TAU_SECONDS);
        logNoise = phi * logNoise + NOISE_SIGMA * StrictMath.sqrt(1 - phi * phi) * Gaussian.next(noiseRandom);
        lastNoiseSecond = epochSecond;
    }

    private double burstExtra(long epochSecond) {
        double extra = 0;
        for (Burst b : bursts) {
            if (epochSecond >= b.startEpochSecond() && epochSecond < b.endEpochSecond()) {
                extra += b.extraShare();
            }
        }
        return extra;
    }
}
