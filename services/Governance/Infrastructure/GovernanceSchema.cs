namespace EducationHub.Governance.Infrastructure;

/// <summary>Table names shared by the model and the hand-written migrations.</summary>
internal static class GovernanceSchema
{
    public const string Notices = "notices";
    public const string NoticeHistory = "notice_history";
    public const string NoticeDocuments = "notice_documents";
    public const string NoticeDocumentContents = "notice_document_contents";
    public const string Interventions = "interventions";
    public const string InterventionHistory = "intervention_history";
    public const string InterventionReviews = "intervention_reviews";
    public const string GoverningBodies = "governing_bodies";
    public const string Governors = "governors";
    public const string Reviews = "governance_reviews";
    public const string Concerns = "governance_concerns";
    public const string Timeline = "timeline_entries";
}
