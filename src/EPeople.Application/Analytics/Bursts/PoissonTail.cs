namespace EPeople.Application.Analytics.Bursts;

/// <summary>P(X ≥ k) for X ~ Poisson(λ), summed in log space so tiny probabilities (1e-40) stay exact enough to rank.</summary>
public static class PoissonTail
{
    public static double AtLeast(int k, double lambda)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lambda);
        if (k == 0)
        {
            return 1.0;
        }

        if (lambda >= k)
        {
            // Not in the upper tail: add up the lower part instead and take it from one.
            var below = 0.0;
            var term = Math.Exp(-lambda);
            for (var i = 0; i < k; i++)
            {
                below += term;
                term *= lambda / (i + 1);
            }

            return Math.Clamp(1.0 - below, 0.0, 1.0);
        }

        var logFirst = -lambda + (k * Math.Log(lambda)) - LogFactorial(k);
        var sum = 1.0;
        var ratio = 1.0;
        for (var i = k + 1; i < k + 10_000; i++)
        {
            ratio *= lambda / i;
            sum += ratio;
            if (ratio < 1e-17 * sum)
            {
                break;
            }
        }

        return Math.Min(1.0, Math.Exp(logFirst + Math.Log(sum)));
    }

    private static double LogFactorial(int n)
    {
        if (n < 2)
        {
            return 0.0;
        }

        if (n < 256)
        {
            var sum = 0.0;
            for (var i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        // Stirling's series: exact to double precision from here on.
        double x = n;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x)) + (1 / (12 * x)) - (1 / (360 * x * x * x));
    }
}
