namespace EducationHub.AllInOne.Demo;

/// <summary>One fictional school and how troubled it is (0 fine .. 3 crisis), which drives its year of events.</summary>
internal sealed record DemoSchool(int Urn, string Name, string Phase, string Type, string? Trust, int Trouble);
