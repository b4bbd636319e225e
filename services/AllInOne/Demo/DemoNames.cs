namespace EducationHub.AllInOne.Demo;

/// <summary>Word lists for a plausible, entirely fictional English local authority.</summary>
internal static class DemoNames
{
    public const string LaCode = "990";
    public const string LaName = "Westmarch (demo)";

    public static readonly string[] Places =
    [
        "Ashcombe", "Barrow Hill", "Beechwood", "Birchfield", "Bramley", "Brookside", "Castle Vale", "Chapel End", "Cherry Tree", "Clayfield",
        "Coppice", "Cranmore", "Deerpark", "Eastgate", "Elmhurst", "Fairfield", "Fernhill", "Foxhollow", "Glebe", "Greenacres",
        "Hallow Moor", "Harbourside", "Hawthorn", "Heathfield", "Highcroft", "Hillside", "Hollybush", "Kingsmead", "Lakeside", "Larkrise",
        "Longmoor", "Lowfields", "Maple Cross", "Meadowbank", "Millbrook", "Moss Lane", "Netherfield", "Northgate", "Oakridge", "Old Town",
        "Orchard Park", "Parkview", "Priory", "Queensway", "Ravenscourt", "Redbrook", "Riverside", "Rookery", "Rosewood", "Saltmarsh",
        "Sandy Lane", "Sheldon Green", "Southfields", "Springbank", "Stonebridge", "Summerhill", "Thornbury", "Tilehurst", "Townsend", "Upper Marsh",
        "Valley Road", "Victoria Park", "Walkergate", "Waterside", "Wellington", "Westbrook", "Whitegates", "Willowbank", "Windmill Hill", "Woodlands",
        "Yew Tree", "Abbeyfield", "Bell Heath", "Canal Side", "Dovecote", "Ember Lane", "Fordham", "Goldthorn", "Heron Way", "Ivy Bank",
    ];

    public static readonly string[] Saints = ["Mary", "John", "Peter", "Paul", "Anne", "Joseph", "Michael", "Chad", "Edmund", "Bernadette", "Thomas", "Augustine", "Margaret", "George", "Luke"];

    public static readonly string[] Trusts =
    [
        "Three Rivers Learning Trust", "Westmarch Diocesan Academy Trust", "Northern Lights Education Trust", "Beacon Schools Partnership",
        "Ironbridge Multi-Academy Trust", "Canalside Learning Community", "Oak Alliance Trust", "Harbour Education Trust", "Pathfinder Academies",
        "St Chad's Catholic Academy Trust", "Summit Learning Trust", "Meridian Academies",
    ];

    public static readonly string[] ComplaintCategories = ["safeguarding", "sen-disability", "bullying", "behaviour-exclusions", "curriculum", "leadership-governance", "staff-conduct", "other"];

    public static readonly string[] WhistleCategories = ["safeguarding", "extremism-radicalisation", "governance", "finance", "curriculum-narrowing", "bullying-of-staff", "other"];

    public static readonly string[] SignalKinds = ["improvement-visit", "ofsted-monitoring-visit", "safeguarding-s175-audit", "headteacher-change", "finance-concern", "hr-concern", "rsc-note"];

    public static readonly (string Code, string Text)[] HardReasons =
    [
        ("ofsted.grade", "Last inspected Requires improvement"),
        ("ofsted.inadequate", "Inspected Inadequate, no full inspection since"),
        ("ofsted.safeguarding", "Safeguarding not met at last inspection"),
        ("ks2.rwm", "KS2 reading, writing and maths at expected standard well below the LA average"),
        ("ks4.p8", "Progress 8 well below average"),
        ("finance.deficit", "Revenue deficit for consecutive years"),
        ("finance.reserves", "Reserves falling fast"),
        ("attendance.persistent", "Persistent absence well above the national rate"),
        ("exclusions.rate", "Suspensions rate high and rising"),
    ];
}
