using EducationHub.Whistleblowing.Application;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>
/// A whistleblowing clock the test moves by hand (deadlines are days and months away). Each
/// reading also moves it on by a millisecond, as real time would, so events keep their order.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : WhistleblowingClock
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            _now += TimeSpan.FromMilliseconds(1);
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
