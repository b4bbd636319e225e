using System.Runtime.CompilerServices;
using Xunit;

namespace EducationHub.Platform.Tests.Contracts;

/// <summary>
/// Published V1 contracts may only grow. Compares the contracts against the checked-in baseline
/// (Contracts/contracts-v1.baseline.txt): a removed, renamed or retyped member fails the test.
/// </summary>
public sealed class ContractEvolutionTests
{
    private const string UpdateVariable = "EHUB_UPDATE_CONTRACT_BASELINE";

    [Fact]
    public void No_published_V1_contract_loses_renames_or_retypes_a_member()
    {
        var baselinePath = SourceBaselinePath();
        Assert.True(File.Exists(baselinePath), $"Baseline missing: {baselinePath}");
        var baseline = File.ReadAllLines(baselinePath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var current = ContractBaseline.Describe();

        var broken = baseline.Except(current, StringComparer.Ordinal).ToList();
        Assert.True(broken.Count == 0,
            "Breaking change to EducationHub.Contracts.V1 (see docs/contracts.md: V1 is additive only; " +
            "put the new shape in a V2 namespace instead). These published members changed or disappeared:\n  " +
            string.Join("\n  ", broken));

        var added = current.Except(baseline, StringComparer.Ordinal).ToList();
        if (added.Count > 0 && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllLines(baselinePath, [.. Header, .. current]);
            return;
        }
        Assert.True(added.Count == 0,
            "New V1 contract members are not yet in the baseline (additive changes are allowed). Record them with:\n" +
            $"  {UpdateVariable}=1 dotnet test tests/EducationHub.Platform.Tests --filter FullyQualifiedName~ContractEvolutionTests\n" +
            "and commit Contracts/contracts-v1.baseline.txt. New lines:\n  " + string.Join("\n  ", added));
    }

    private static readonly string[] Header =
    [
        "# Published shape of EducationHub.Contracts.V1, one line per member. Additive changes only:",
        "# regenerate with EHUB_UPDATE_CONTRACT_BASELINE=1 (refused when a line would disappear).",
    ];

    /// <summary>The checked-in file beside this source file (the compiler records where that is).</summary>
    private static string SourceBaselinePath([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, ContractBaseline.FileName);
}
