using System.Globalization;
using EducationHub.Contracts.V1;
using EducationHub.Governance.Infrastructure;
using EducationHub.Governance.Tests.Support;
using EducationHub.Grpc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pb = EducationHub.Protos.Governance.V1;

namespace EducationHub.Governance.Tests.Api;

public abstract class GoverningBodyApiTests(HostFixture fixture)
{
    private readonly GovernanceHost _host = fixture.Host;

    [Fact]
    public async Task Governors_vacancies_chair_and_gaps_are_tracked()
    {
        var urn = Scenario.NewUrn();
        var body = await _host.Call<Pb.CreateGoverningBodyRequest, Pb.GoverningBody>("CreateGoverningBody", new Pb.CreateGoverningBodyRequest
        {
            Urn = urn,
            Name = "Governing Board of Park View Primary",
            Kind = Pb.GoverningBodyKind.Maintained,
            Clerk = new Pb.Clerk { Name = "C. Clerk", Email = "clerk@parkview.example" },
            Constitution =
            {
                new Pb.ConstitutionPlaces { Category = Pb.GovernorCategory.Parent, Places = 2 },
                new Pb.ConstitutionPlaces { Category = Pb.GovernorCategory.CoOpted, Places = 3 },
            },
            SkillsGaps = { "finance", "safeguarding" },
        });
        Assert.Equal(2, body.Vacancies.Single(v => v.Category == Pb.GovernorCategory.Parent).Vacant);
        Assert.Equal("", body.ChairGovernorId);

        var chair = await Appoint(urn, "Ann Chair", Pb.GovernorCategory.CoOpted, Pb.GoverningRole.Chair);
        await Appoint(urn, "Pat Parent", Pb.GovernorCategory.Parent, Pb.GoverningRole.Member);
        var second = await _host.Fails<Pb.AppointGovernorRequest, Pb.Governor>("AppointGovernor", AppointRequest(urn, "Second Chair", Pb.GovernorCategory.CoOpted, Pb.GoverningRole.Chair));
        Assert.Equal(StatusCode.FailedPrecondition, second.StatusCode);

        body = await _host.Call<Pb.GetGoverningBodyRequest, Pb.GoverningBody>("GetGoverningBody", new Pb.GetGoverningBodyRequest { Urn = urn }, _host.ReadToken);
        Assert.Equal(chair.GovernorId, body.ChairGovernorId);
        Assert.Equal(2, body.Governors.Count);
        Assert.Equal(1, body.Vacancies.Single(v => v.Category == Pb.GovernorCategory.Parent).Vacant);
        Assert.Equal(2, body.Vacancies.Single(v => v.Category == Pb.GovernorCategory.CoOpted).Vacant);
        Assert.Equal(["finance", "safeguarding"], body.SkillsGaps);

        var left = await _host.Call<Pb.RemoveGovernorRequest, Pb.Governor>("RemoveGovernor",
            new Pb.RemoveGovernorRequest { GovernorId = chair.GovernorId, LeftOn = "2026-03-16", Reason = "Resigned" });
        Assert.False(left.Current);
        body = await _host.Call<Pb.GetGoverningBodyRequest, Pb.GoverningBody>("GetGoverningBody", new Pb.GetGoverningBodyRequest { Urn = urn, IncludeFormer = true });
        Assert.Equal("", body.ChairGovernorId);
        Assert.Equal(2, body.Governors.Count);

        var updated = await _host.Call<Pb.UpdateGoverningBodyRequest, Pb.GoverningBody>("UpdateGoverningBody", new Pb.UpdateGoverningBodyRequest
        {
            Urn = urn,
            Name = "Governing Board of Park View Primary School",
            Constitution = { new Pb.ConstitutionPlaces { Category = Pb.GovernorCategory.Parent, Places = 1 } },
            TrainingGaps = { "safer recruitment" },
        });
        Assert.Empty(updated.Vacancies);
        Assert.Equal(["safer recruitment"], updated.TrainingGaps);

        var duplicate = await _host.Fails<Pb.CreateGoverningBodyRequest, Pb.GoverningBody>("CreateGoverningBody",
            new Pb.CreateGoverningBodyRequest { Urn = urn, Name = "Again", Kind = Pb.GoverningBodyKind.Maintained });
        Assert.Equal(StatusCode.AlreadyExists, duplicate.StatusCode);
    }

    [Fact]
    public async Task Reviews_and_concerns_are_recorded_and_listed()
    {
        var urn = Scenario.NewUrn();
        await _host.Call<Pb.RecordGovernanceReviewRequest, Pb.GovernanceReview>("RecordGovernanceReview", new Pb.RecordGovernanceReviewRequest
        {
            Urn = urn,
            Kind = Pb.ReviewKind.ExternalReviewOfGovernance,
            ReviewedOn = "2026-02-10",
            Reviewer = "National Leader of Governance",
            Outcome = Pb.ReviewOutcome.Ineffective,
            Summary = "Board does not challenge leaders on outcomes",
            Recommendations = { "Skills audit", "Replace the chair" },
        });
        var reviews = await _host.Call<Pb.ListGovernanceReviewsRequest, Pb.ListGovernanceReviewsResponse>("ListGovernanceReviews", new Pb.ListGovernanceReviewsRequest { Urn = urn });
        Assert.Equal(Pb.ReviewOutcome.Ineffective, Assert.Single(reviews.Reviews).Outcome);

        var concern = await _host.Call<Pb.RaiseGovernanceConcernRequest, Pb.GovernanceConcern>("RaiseGovernanceConcern", new Pb.RaiseGovernanceConcernRequest
        {
            Urn = urn,
            Severity = Pb.ConcernSeverity.Critical,
            Source = Pb.ConcernSource.Officer,
            Summary = "Governors excluding the headteacher from meetings",
            RaisedOn = "2026-03-01",
        });
        Assert.True(concern.Open);
        var closed = await _host.Call<Pb.CloseGovernanceConcernRequest, Pb.GovernanceConcern>("CloseGovernanceConcern",
            new Pb.CloseGovernanceConcernRequest { ConcernId = concern.ConcernId, Resolution = "IEB appointed" });
        Assert.False(closed.Open);
        Assert.Equal("2026-03-16", closed.ClosedOn);
        var again = await _host.Fails<Pb.CloseGovernanceConcernRequest, Pb.GovernanceConcern>("CloseGovernanceConcern",
            new Pb.CloseGovernanceConcernRequest { ConcernId = concern.ConcernId, Resolution = "again" });
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);

        var open = await _host.Call<Pb.ListGovernanceConcernsRequest, Pb.ListGovernanceConcernsResponse>("ListGovernanceConcerns", new Pb.ListGovernanceConcernsRequest { Urn = urn });
        Assert.Empty(open.Concerns);
        var all = await _host.Call<Pb.ListGovernanceConcernsRequest, Pb.ListGovernanceConcernsResponse>("ListGovernanceConcerns", new Pb.ListGovernanceConcernsRequest { Urn = urn, IncludeClosed = true });
        Assert.Single(all.Concerns);
    }

    [Fact]
    public async Task Concurrent_reviews_and_concerns_each_get_their_own_record_timeline_line_and_event()
    {
        // These writes share transactions (write group commit): every caller must still get its own
        // record, with its own timeline line and, for a concern, its own event.
        var urn = Scenario.NewUrn();
        var concernCalls = Enumerable.Range(0, 10).Select(i => _host.Call<Pb.RaiseGovernanceConcernRequest, Pb.GovernanceConcern>("RaiseGovernanceConcern",
            new Pb.RaiseGovernanceConcernRequest { Urn = urn, Severity = Pb.ConcernSeverity.Medium, Source = Pb.ConcernSource.Partner, Summary = $"Concurrent concern {i}" })).ToList();
        var reviewCalls = Enumerable.Range(0, 10).Select(i => _host.Call<Pb.RecordGovernanceReviewRequest, Pb.GovernanceReview>("RecordGovernanceReview",
            new Pb.RecordGovernanceReviewRequest
            {
                Urn = urn, Kind = Pb.ReviewKind.ExternalReviewOfGovernance, ReviewedOn = "2026-02-10", Reviewer = $"Reviewer {i}",
                Outcome = Pb.ReviewOutcome.Effective, Summary = $"Concurrent review {i}",
            })).ToList();
        var concerns = await Task.WhenAll(concernCalls);
        var reviews = await Task.WhenAll(reviewCalls);

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"Concurrent concern {i}"), concerns.Select(c => c.Summary));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"Concurrent review {i}"), reviews.Select(r => r.Summary));
        var concernIds = concerns.Select(c => c.ConcernId).Order().ToList();
        var reviewIds = reviews.Select(r => r.ReviewId).Order().ToList();
        Assert.Equal(10, concernIds.Distinct().Count());
        var listed = await _host.Call<Pb.ListGovernanceConcernsRequest, Pb.ListGovernanceConcernsResponse>("ListGovernanceConcerns", new Pb.ListGovernanceConcernsRequest { Urn = urn });
        Assert.Equal(concernIds, listed.Concerns.Select(c => c.ConcernId).Order());
        var listedReviews = await _host.Call<Pb.ListGovernanceReviewsRequest, Pb.ListGovernanceReviewsResponse>("ListGovernanceReviews", new Pb.ListGovernanceReviewsRequest { Urn = urn });
        Assert.Equal(reviewIds, listedReviews.Reviews.Select(r => r.ReviewId).Order());
        var timeline = await _host.Call<Pb.GetSchoolTimelineRequest, Pb.SchoolTimeline>("GetSchoolTimeline", new Pb.GetSchoolTimelineRequest { Urn = urn }, _host.ReadToken);
        Assert.Equal(concernIds, timeline.Entries.Where(e => e.Kind == "concern.raised").Select(e => e.EntityId).Order());
        Assert.Equal(reviewIds, timeline.Entries.Where(e => e.Kind == "review.recorded").Select(e => e.EntityId).Order());
        foreach (var id in concernIds)
            await _host.Events.WaitFor<GovernanceConcernRaised>(e => e.ConcernId == Guid.Parse(id));
        Assert.Equal(concernIds, _host.Events.Of<GovernanceConcernRaised>(e => e.Urn == urn).Select(e => e.ConcernId.ToString()).Distinct().Order());
    }

    [Fact]
    public async Task A_term_longer_than_four_years_is_refused()
    {
        var request = AppointRequest(Scenario.NewUrn(), "Long Term", Pb.GovernorCategory.Parent, Pb.GoverningRole.Member);
        request.TermEndsOn = "2030-03-02";
        var ex = await _host.Fails<Pb.AppointGovernorRequest, Pb.Governor>("AppointGovernor", request);
        Assert.Equal("term_ends_on", Assert.Single(ex.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task The_timeline_carries_no_resolution_or_leaving_reason()
    {
        // The timeline is read without an audit entry; the free text may name people and stays behind the audited reads.
        var urn = await BodyWhoseChairLeft("Removed after complaint by Mr Jones");
        var concern = await _host.Call<Pb.RaiseGovernanceConcernRequest, Pb.GovernanceConcern>("RaiseGovernanceConcern", new Pb.RaiseGovernanceConcernRequest
        {
            Urn = urn, Severity = Pb.ConcernSeverity.High, Source = Pb.ConcernSource.Officer, Summary = "Chair acting alone",
        });
        await _host.Call<Pb.CloseGovernanceConcernRequest, Pb.GovernanceConcern>("CloseGovernanceConcern",
            new Pb.CloseGovernanceConcernRequest { ConcernId = concern.ConcernId, Resolution = "Ms Smith stood down as chair" });

        var timeline = await _host.Call<Pb.GetSchoolTimelineRequest, Pb.SchoolTimeline>("GetSchoolTimeline", new Pb.GetSchoolTimelineRequest { Urn = urn }, _host.ReadToken);
        Assert.Equal("Ann Chair left", timeline.Entries.Single(e => e.Kind == "governor.left").Summary);
        Assert.Equal("Governance concern closed", timeline.Entries.Single(e => e.Kind == "concern.closed").Summary);
        Assert.DoesNotContain(timeline.Entries, e => e.Summary.Contains("Jones", StringComparison.Ordinal) || e.Summary.Contains("Smith", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_former_governors_leaving_reasons_is_audited_with_the_reader()
    {
        var urn = await BodyWhoseChairLeft("Removed after complaint by Mr Jones");

        var current = await _host.Call<Pb.GetGoverningBodyRequest, Pb.GoverningBody>("GetGoverningBody",
            new Pb.GetGoverningBodyRequest { Urn = urn }, _host.ReadToken);
        var withFormer = await _host.Call<Pb.GetGoverningBodyRequest, Pb.GoverningBody>("GetGoverningBody",
            new Pb.GetGoverningBodyRequest { Urn = urn, IncludeFormer = true }, _host.ReadToken);

        Assert.Empty(current.Governors);
        Assert.Equal("Removed after complaint by Mr Jones", Assert.Single(withFormer.Governors).LeftReason);
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var urnText = urn.ToString(CultureInfo.InvariantCulture);
        var reads = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == urnText && a.Action == "governing_body.leavers_read")
            .Select(a => new { a.EntityType, a.Organisation }).ToListAsync();
        // Only the read that disclosed a reason, once, by the reader's organisation.
        Assert.Equal(("governing_body", "Ofsted"), reads.Select(r => (r.EntityType, r.Organisation)).Single());
    }

    [Fact]
    public async Task Governing_body_audit_entries_name_the_school()
    {
        var urn = Scenario.NewUrn();
        await CreateBody(urn);
        await _host.Call<Pb.UpdateGoverningBodyRequest, Pb.GoverningBody>("UpdateGoverningBody",
            new Pb.UpdateGoverningBodyRequest { Urn = urn, Name = "Governing Board of Park View Primary School" });

        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GovernanceDbContext>();
        var urnText = urn.ToString(CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityId == urnText && a.EntityType == "governing_body")
            .Select(a => a.Action).ToListAsync();
        Assert.Equal(["governing_body.created", "governing_body.updated"], audit.Order());
    }

    /// <summary>A new school's governing body whose chair, Ann Chair, has left for <paramref name="reason"/>; returns the URN.</summary>
    private async Task<int> BodyWhoseChairLeft(string reason)
    {
        var urn = Scenario.NewUrn();
        await CreateBody(urn);
        var governor = await Appoint(urn, "Ann Chair", Pb.GovernorCategory.CoOpted, Pb.GoverningRole.Chair);
        await _host.Call<Pb.RemoveGovernorRequest, Pb.Governor>("RemoveGovernor",
            new Pb.RemoveGovernorRequest { GovernorId = governor.GovernorId, LeftOn = "2026-03-10", Reason = reason });
        return urn;
    }

    private Task<Pb.GoverningBody> CreateBody(int urn) =>
        _host.Call<Pb.CreateGoverningBodyRequest, Pb.GoverningBody>("CreateGoverningBody", new Pb.CreateGoverningBodyRequest
        {
            Urn = urn,
            Name = "Governing Board of Park View Primary",
            Kind = Pb.GoverningBodyKind.Maintained,
        });

    private Task<Pb.Governor> Appoint(int urn, string name, Pb.GovernorCategory category, Pb.GoverningRole role) =>
        _host.Call<Pb.AppointGovernorRequest, Pb.Governor>("AppointGovernor", AppointRequest(urn, name, category, role));

    private static Pb.AppointGovernorRequest AppointRequest(int urn, string name, Pb.GovernorCategory category, Pb.GoverningRole role) => new()
    {
        Urn = urn,
        FullName = name,
        Category = category,
        Role = role,
        AppointedBy = "governing board",
        AppointedOn = "2026-01-01",
        TermEndsOn = "2029-12-31",
    };
}

public sealed class SqliteGoverningBodyApiTests(SqliteHostFixture fixture) : GoverningBodyApiTests(fixture), IClassFixture<SqliteHostFixture>;

public sealed class PostgresGoverningBodyApiTests(PostgresHostFixture fixture) : GoverningBodyApiTests(fixture), IClassFixture<PostgresHostFixture>;
