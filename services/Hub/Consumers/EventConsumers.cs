using EducationHub.Contracts.V1;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Consumers;

// One consumer per integration event the hub listens to: each gets its own inbox key and its
// own queue binding; the work is the same (see TimelineConsumer).
public sealed class SchoolRegisteredConsumer(TimeProvider clock) : TimelineConsumer<SchoolRegistered>(clock);
public sealed class SchoolRiskAssessedConsumer(TimeProvider clock) : TimelineConsumer<SchoolRiskAssessed>(clock);
public sealed class PartnerSignalSubmittedConsumer(TimeProvider clock) : TimelineConsumer<PartnerSignalSubmitted>(clock);
public sealed class GovernanceConcernRaisedConsumer(TimeProvider clock) : TimelineConsumer<GovernanceConcernRaised>(clock);
public sealed class WarningNoticeIssuedConsumer(TimeProvider clock) : TimelineConsumer<WarningNoticeIssued>(clock);
public sealed class WarningNoticeCompliedConsumer(TimeProvider clock) : TimelineConsumer<WarningNoticeComplied>(clock);
public sealed class WarningNoticeDeadlinePassedConsumer(TimeProvider clock) : TimelineConsumer<WarningNoticeDeadlinePassed>(clock);
public sealed class InterventionStartedConsumer(TimeProvider clock) : TimelineConsumer<InterventionStarted>(clock);
public sealed class InterventionEndedConsumer(TimeProvider clock) : TimelineConsumer<InterventionEnded>(clock);
public sealed class ComplaintReceivedConsumer(TimeProvider clock) : TimelineConsumer<ComplaintReceived>(clock);
public sealed class ComplaintEscalatedConsumer(TimeProvider clock) : TimelineConsumer<ComplaintEscalated>(clock);
public sealed class ComplaintConcludedConsumer(TimeProvider clock) : TimelineConsumer<ComplaintConcluded>(clock);
public sealed class ComplaintTimescaleBreachedConsumer(TimeProvider clock) : TimelineConsumer<ComplaintTimescaleBreached>(clock);
public sealed class ComplaintCampaignDetectedConsumer(TimeProvider clock) : TimelineConsumer<ComplaintCampaignDetected>(clock);
public sealed class WhistleblowingConcernTriagedConsumer(TimeProvider clock) : TimelineConsumer<WhistleblowingConcernTriaged>(clock);
public sealed class WhistleblowingConcernConcludedConsumer(TimeProvider clock) : TimelineConsumer<WhistleblowingConcernConcluded>(clock);
public sealed class WhistleblowingClockDueConsumer(TimeProvider clock) : TimelineConsumer<WhistleblowingClockDue>(clock);
