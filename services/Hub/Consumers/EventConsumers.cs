using EducationHub.Contracts.V1;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Consumers;

// One consumer per integration event the hub listens to: each gets its own inbox key and its
// own queue binding; the work is the same (see TimelineConsumer).
public sealed class SchoolRegisteredConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<SchoolRegistered>(db, clock);
public sealed class SchoolRiskAssessedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<SchoolRiskAssessed>(db, clock);
public sealed class PartnerSignalSubmittedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<PartnerSignalSubmitted>(db, clock);
public sealed class GovernanceConcernRaisedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<GovernanceConcernRaised>(db, clock);
public sealed class WarningNoticeIssuedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<WarningNoticeIssued>(db, clock);
public sealed class WarningNoticeCompliedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<WarningNoticeComplied>(db, clock);
public sealed class WarningNoticeDeadlinePassedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<WarningNoticeDeadlinePassed>(db, clock);
public sealed class InterventionStartedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<InterventionStarted>(db, clock);
public sealed class InterventionEndedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<InterventionEnded>(db, clock);
public sealed class ComplaintReceivedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintReceived>(db, clock);
public sealed class ComplaintEscalatedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintEscalated>(db, clock);
public sealed class ComplaintConcludedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintConcluded>(db, clock);
public sealed class ComplaintTimescaleBreachedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintTimescaleBreached>(db, clock);
public sealed class ComplaintCampaignDetectedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<ComplaintCampaignDetected>(db, clock);
public sealed class WhistleblowingConcernTriagedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<WhistleblowingConcernTriaged>(db, clock);
public sealed class WhistleblowingConcernConcludedConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<WhistleblowingConcernConcluded>(db, clock);
public sealed class WhistleblowingClockDueConsumer(HubDbContext db, TimeProvider clock) : TimelineConsumer<WhistleblowingClockDue>(db, clock);
