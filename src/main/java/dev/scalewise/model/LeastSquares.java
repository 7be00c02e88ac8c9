package dev.scalewise.model;

/** Weighted least-squares line {@code y = intercept + slope * x}, accumulated one point at a time. */
final class LeastSquares {
    private double sw;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;
    private double syy;
    private long count;

    void add(double x, double y, double weight) {
        sw += weight;
        sx += weight * x;
        sy += weight * y;
        sxx += weight * x * x;
        sxy += weight * x * y;
        syy += weight * y * y;
        count++;
    }

    long count() {
        return count;
    }

    /** NaN when all x are equal (no slope can be told). */
    double slope() {
        double varX = sw * sxx - sx * sx;
        return varX > 1e-12 * Math.max(1, sw * sxx) ? (sw * sxy - sx * sy) / varX : Double.NaN;
    }

    double intercept() {
        double b = slope();
        return Double.isNaN(b) ? sy / sw : (sy - b * sx) / sw;
    }

    /**
     * The slope over its standard error, weights read as counts of observations: how many standard errors
     * the slope is away from 0 (NaN with fewer than 3 observations or no spread in x; +-Infinity for a
     * perfect line).
     */
    double slopeT() {
        double varX = sw * sxx - sx * sx;
        if (!(sw > 2) || !(varX > 1e-12 * Math.max(1, sw * sxx))) {
            return Double.NaN;
        }
        double b = slope();
        double ssRes = Math.max(0, (sw * syy - sy * sy) - b * (sw * sxy - sx * sy)) / sw;
        double se = Math.sqrt(ssRes / (sw - 2) / (varX / sw));
        return se > 0 ? b / se : Math.copySign(Double.POSITIVE_INFINITY, b);
    }

    /** Share of y's variance the line explains (1 when y is constant). */
    double rSquared() {
        double varX = sw * sxx - sx * sx;
        double varY = sw * syy - sy * sy;
        if (varY <= 1e-12 * Math.max(1, sw * syy)) {
            return 1;
        }
        double cov = sw * sxy - sx * sy;
        return varX > 0 ? cov * cov / (varX * varY) : 0;
    }
}
