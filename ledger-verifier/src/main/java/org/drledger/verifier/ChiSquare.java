package org.drledger.verifier;

/**
 * The upper tail of the chi-square distribution, {@code P(X > x)} for {@code df} degrees of freedom: the regularized
 * upper incomplete gamma function {@code Q(df/2, x/2)}, by its series below {@code a + 1} and its continued fraction
 * above (the standard Lentz evaluation), accurate to about 1e-12 for the sizes a ledger produces.
 */
final class ChiSquare {
    private static final double EPS = 1e-15;
    private static final int MAX_ITER = 10_000;

    private ChiSquare() {
    }

    static double upperTail(double x, long df) {
        if (df <= 0) {
            return Double.NaN;
        }
        if (x <= 0) {
            return 1.0;
        }
        double a = df / 2.0;
        double z = x / 2.0;
        return z < a + 1 ? 1.0 - lowerSeries(a, z) : upperFraction(a, z);
    }

    private static double lowerSeries(double a, double z) {
        double sum = 1.0 / a;
        double term = sum;
        for (int n = 1; n < MAX_ITER; n++) {
            term *= z / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return sum * Math.exp(-z + a * Math.log(z) - logGamma(a));
    }

    private static double upperFraction(double a, double z) {
        double tiny = 1e-300;
        double b = z + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITER; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = b + an / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-z + a * Math.log(z) - logGamma(a)) * h;
    }

    /** Lanczos approximation (g = 7, n = 9). */
    static double logGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        x -= 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) {
            s += c[i] / (x + i);
        }
        double t = x + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
