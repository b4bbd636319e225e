using System.Text.Json;
using System.Text.Json.Serialization;

namespace EducationHub.Hub.Domain.Priority;

/// <summary>
/// The composite priority model's parameters, loaded from a versioned JSON file
/// (<c>priority-model.json</c>; see docs/priority-model.md for the rationale of each number).
/// The version is stamped on every list so a published month can always say how it was built.
/// </summary>
public sealed record PriorityModel
{
    public required string Version { get; init; }
    /// <summary>Share of the SchoolRisk score (0-100) that enters the priority.</summary>
    public double HardWeight { get; init; } = 0.6;
    /// <summary>Soft intelligence can add at most this many points, so it can raise a school but not swamp the data.</summary>
    public double SoftCap { get; init; } = 50;
    /// <summary>Schools at or above this priority are on the month's list.</summary>
    public int Threshold { get; init; } = 35;
    /// <summary>A change of at least this many points counts as moving up or down.</summary>
    public int MovementTolerance { get; init; } = 3;
    /// <summary>Contributions smaller than this (after decay) are dropped: old news.</summary>
    public double IgnoreBelow { get; init; } = 0.5;
    /// <summary>Bands, highest first: a priority gets the first band whose minimum it reaches.</summary>
    public required IReadOnlyList<BandRule> Bands { get; init; }
    public required SignalRules Signals { get; init; }

    public string BandFor(int priority)
    {
        foreach (var band in Bands)
            if (priority >= band.Min) return band.Name;
        return Bands[^1].Name;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static PriorityModel FromJson(string json)
    {
        PriorityModel? model;
        try
        {
            model = JsonSerializer.Deserialize<PriorityModel>(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Invalid priority model (version, bands and signals are required): {ex.Message}", ex);
        }
        if (model is null) throw new InvalidDataException("The priority model file is empty.");
        model.Validate();
        return model;
    }

    /// <summary>The model shipped with the hub (embedded <c>priority-model.json</c>).</summary>
    public static PriorityModel Default { get; } = LoadEmbedded();

    private static PriorityModel LoadEmbedded()
    {
        using var stream = typeof(PriorityModel).Assembly.GetManifestResourceStream("EducationHub.Hub.priority-model.json")
                           ?? throw new InvalidOperationException("priority-model.json is not embedded in the hub assembly.");
        using var reader = new StreamReader(stream);
        return FromJson(reader.ReadToEnd());
    }

    private void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Version)) problems.Add("version is required");
        if (HardWeight is < 0 or > 1) problems.Add("hardWeight must be between 0 and 1");
        if (SoftCap < 0) problems.Add("softCap must not be negative");
        if (Threshold is < 1 or > 100) problems.Add("threshold must be 1..100");
        if (Bands is null || Bands.Count == 0) problems.Add("at least one band is required");
        else
        {
            for (var i = 1; i < Bands.Count; i++)
                if (Bands[i].Min >= Bands[i - 1].Min) problems.Add("bands must be listed highest first");
            if (Bands[^1].Min > Threshold) problems.Add("the lowest band must cover the threshold");
        }
        foreach (var (name, rule) in Signals.All())
            if (rule.HalfLifeDays < 0) problems.Add($"signals.{name}.halfLifeDays must not be negative");
        if (problems.Count > 0)
            throw new InvalidDataException("Invalid priority model: " + string.Join("; ", problems) + ".");
    }
}

public sealed record BandRule(string Name, int Min);

/// <summary>
/// Points for one kind of soft signal. Points are by level (severity/concern level, lower case);
/// a half-life of 0 means "no decay while the condition lasts" (open notices, active interventions).
/// </summary>
public sealed record SignalRule
{
    public double Points { get; init; }
    public IReadOnlyDictionary<string, double> PointsByLevel { get; init; } = new Dictionary<string, double>();
    public double HalfLifeDays { get; init; }
    /// <summary>Upper limit on this signal kind's total, 0 = none.</summary>
    public double Cap { get; init; }

    public double For(string? level) =>
        level is not null && PointsByLevel.TryGetValue(level.Trim().ToLowerInvariant(), out var p) ? p : Points;

    /// <summary>Exponential decay: half the weight every half-life.</summary>
    public double Decay(double ageDays) =>
        HalfLifeDays <= 0 ? 1 : Math.Pow(0.5, Math.Max(0, ageDays) / HalfLifeDays);
}

public sealed record SignalRules
{
    public required SignalRule WarningNoticeOpen { get; init; }
    public required SignalRule WarningNoticeDeadlinePassed { get; init; }
    public required SignalRule WarningNoticeComplied { get; init; }
    public required SignalRule InterventionActive { get; init; }
    public required SignalRule InterventionEnded { get; init; }
    public required SignalRule GovernanceConcern { get; init; }
    public required SignalRule Whistleblowing { get; init; }
    /// <summary>Multipliers applied when a whistleblowing case concludes, by substantiation.</summary>
    public IReadOnlyDictionary<string, double> WhistleblowingSubstantiation { get; init; } = new Dictionary<string, double>();
    public required SignalRule Complaint { get; init; }
    public double ComplaintSafeguardingBonus { get; init; }
    public double ComplaintEscalationBonus { get; init; }
    public double ComplaintUpheldBonus { get; init; }
    public double ComplaintNotUpheldFactor { get; init; } = 1;
    public required SignalRule ComplaintTimescaleBreached { get; init; }
    public required SignalRule PartnerSignal { get; init; }

    public IEnumerable<(string Name, SignalRule Rule)> All()
    {
        yield return (nameof(WarningNoticeOpen), WarningNoticeOpen);
        yield return (nameof(WarningNoticeDeadlinePassed), WarningNoticeDeadlinePassed);
        yield return (nameof(WarningNoticeComplied), WarningNoticeComplied);
        yield return (nameof(InterventionActive), InterventionActive);
        yield return (nameof(InterventionEnded), InterventionEnded);
        yield return (nameof(GovernanceConcern), GovernanceConcern);
        yield return (nameof(Whistleblowing), Whistleblowing);
        yield return (nameof(Complaint), Complaint);
        yield return (nameof(ComplaintTimescaleBreached), ComplaintTimescaleBreached);
        yield return (nameof(PartnerSignal), PartnerSignal);
    }
}
