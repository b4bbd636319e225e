namespace EducationHub.Whistleblowing.Application;

/// <summary>
/// Who is acting, as known from their token (subject and organisation): a case handler, an identity
/// custodian, or the reporting portal writing on a reporter's behalf (never the reporter: reporters
/// have no token and are not recorded).
/// </summary>
public sealed record Actor(string Subject, string Organisation);
