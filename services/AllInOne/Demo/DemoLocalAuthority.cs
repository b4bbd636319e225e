namespace EducationHub.AllInOne.Demo;

/// <summary>
/// A deterministic fictional local authority of about 450 schools: the English mix of phases and
/// types (mostly primaries; maintained and academies; a few special schools and PRUs), with
/// trusts for academies. URNs 990001+ so they can never be mistaken for real schools.
/// </summary>
internal static class DemoLocalAuthority
{
    private static readonly string[] Qualifiers = ["Park", "Green", "Vale", "Road", "Hill", "Lane", "Fields", "Heath", "Common", "Grange", "Manor", "Meadows"];

    public static List<DemoSchool> Schools(int seed = 20141)
    {
        var rng = new Random(seed);
        var schools = new List<DemoSchool>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var urn = 990000;
        void Add(string phase, string type, string suffix, bool faith, bool academy)
        {
            string name;
            var attempts = 0;
            do
            {
                // A town has more schools than districts: after a few collisions, qualify the place ("Ashcombe Park").
                var place = DemoNames.Places[rng.Next(DemoNames.Places.Length)];
                if (++attempts > 5) place += " " + Qualifiers[rng.Next(Qualifiers.Length)];
                if (attempts > 200) place += " " + attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
                name = faith
                    ? (rng.Next(3) == 0 ? $"Our Lady of {place} Catholic {suffix}" : $"St {DemoNames.Saints[rng.Next(DemoNames.Saints.Length)]}'s CofE {suffix}")
                    : academy && rng.Next(3) == 0 ? $"{place} Academy" : $"{place} {suffix}";
            } while (!used.Add(name));
            var trust = academy ? DemoNames.Trusts[rng.Next(DemoNames.Trusts.Length)] : null;
            var roll = rng.NextDouble();
            var trouble = roll < 0.832 ? 0 : roll < 0.932 ? 1 : roll < 0.982 ? 2 : 3;
            schools.Add(new DemoSchool(++urn, name, phase, type, trust, trouble));
        }

        for (var i = 0; i < 330; i++)
        {
            var r = rng.NextDouble();
            var suffix = rng.Next(10) switch { 0 => "Infant School", 1 => "Junior School", _ => "Primary School" };
            if (r < 0.40) Add("Primary", "Community school", suffix, false, false);
            else if (r < 0.55) Add("Primary", "Voluntary aided school", suffix, true, false);
            else if (r < 0.62) Add("Primary", "Voluntary controlled school", suffix, true, false);
            else if (r < 0.67) Add("Primary", "Foundation school", suffix, false, false);
            else if (r < 0.90) Add("Primary", "Academy converter", suffix, false, true);
            else Add("Primary", "Academy sponsor led", suffix, false, true);
        }
        for (var i = 0; i < 72; i++)
        {
            var r = rng.NextDouble();
            if (r < 0.25) Add("Secondary", "Community school", "High School", false, false);
            else if (r < 0.35) Add("Secondary", "Voluntary aided school", "High School", true, false);
            else if (r < 0.75) Add("Secondary", "Academy converter", "High School", false, true);
            else if (r < 0.93) Add("Secondary", "Academy sponsor led", "Academy", false, true);
            else Add("Secondary", "Free schools", "Free School", false, true);
        }
        for (var i = 0; i < 22; i++) Add("Not applicable", rng.Next(3) == 0 ? "Academy special converter" : "Community special school", "School", false, false);
        for (var i = 0; i < 14; i++) Add("Nursery", "Local authority nursery school", "Nursery School", false, false);
        for (var i = 0; i < 8; i++) Add("Not applicable", "Pupil referral unit", "Learning Centre", false, false);
        for (var i = 0; i < 4; i++) Add("All-through", "Academy converter", "All-Through School", false, true);
        return schools;
    }
}
