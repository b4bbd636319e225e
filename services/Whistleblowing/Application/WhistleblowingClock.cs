namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// The service's own clock (system time by default). A separate type rather than the shared
/// TimeProvider, so tests can move whistleblowing deadlines forward without also moving the
/// timers of the building blocks hosted in the same process.
/// </summary>
public class WhistleblowingClock : TimeProvider;
