using NodaTime;

namespace EducationHub.Governance.Domain.Notices;

/// <summary>What the caller says about a transition; the guards check it.</summary>
public sealed record NoticeTransitionFacts(
    LocalDate OnDate,
    LocalDate Today,
    string Organisation,
    Instant Now,
    string Note = "",
    Guid? SupersedingNoticeId = null,
    Guid? InterventionId = null);
