namespace EducationHub.Grpc.Internal;

/// <summary>grpc-timeout: 1-8 ASCII digits followed by a unit (H M S m u n).</summary>
internal static class GrpcTimeout
{
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (string.IsNullOrEmpty(value) || value.Length < 2 || value.Length > 9)
        {
            return false;
        }

        long amount = 0;
        for (var i = 0; i < value.Length - 1; i++)
        {
            var c = value[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            amount = (amount * 10) + (c - '0');
        }

        // TimeSpan ticks are 100ns; clamp so huge hour values cannot overflow.
        const long maxTicks = long.MaxValue / 4;
        long ticks = value[^1] switch
        {
            'H' => Math.Min(amount * TimeSpan.TicksPerHour, maxTicks),
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => amount / 100,
            _ => -1,
        };
        if (ticks < 0)
        {
            return false;
        }

        timeout = TimeSpan.FromTicks(ticks);
        return true;
    }

    /// <summary>Formats a timeout for the wire, choosing the finest unit that fits in 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        const long maxValue = 99_999_999;
        var ticks = timeout.Ticks;
        var nanos = ticks <= long.MaxValue / 100 ? ticks * 100 : long.MaxValue;
        if (nanos <= maxValue)
        {
            return nanos + "n";
        }

        // Round up so the server never sees a shorter deadline than the client.
        var micros = (ticks + 9) / 10;
        if (micros <= maxValue)
        {
            return micros + "u";
        }

        var millis = (ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond;
        if (millis <= maxValue)
        {
            return millis + "m";
        }

        var seconds = (ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        if (seconds <= maxValue)
        {
            return seconds + "S";
        }

        var minutes = (ticks + TimeSpan.TicksPerMinute - 1) / TimeSpan.TicksPerMinute;
        if (minutes <= maxValue)
        {
            return minutes + "M";
        }

        return Math.Min((ticks + TimeSpan.TicksPerHour - 1) / TimeSpan.TicksPerHour, maxValue) + "H";
    }
}
