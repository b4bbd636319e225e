using System.Globalization;
using EducationHub.Calendar;
using EducationHub.Governance.Domain;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace EducationHub.Governance.Application;

/// <summary>Governing bodies and their governors. Nothing is hard-deleted: governors leave, with a date and reason.</summary>
public sealed class GoverningBodyService(GovernanceDbContext db, IClock clock)
{
    public async Task<GoverningBodyView> CreateAsync(GoverningBodyCommand command, Caller caller, CancellationToken ct)
    {
        if (await db.GoverningBodies.AnyAsync(b => b.Urn == command.Urn, ct))
        {
            throw new AlreadyExistsException("governing body", command.Urn.ToString());
        }

        var now = clock.GetCurrentInstant();
        var body = new GoverningBody
        {
            Urn = command.Urn,
            Kind = command.Kind,
            CreatedByOrganisation = caller.Organisation,
            CreatedAt = now,
        };
        Apply(body, command, caller, now);
        db.GoverningBodies.Add(body);
        db.RecordGoverningBody(caller, "governing_body.created", body.Urn, clock.TodayInLondon(), $"Governing body '{body.Name}' recorded", now);
        await db.SaveChangesAsync(ct);
        return new GoverningBodyView(body, [], clock.TodayInLondon());
    }

    public async Task<GoverningBodyView> UpdateAsync(GoverningBodyCommand command, Caller caller, CancellationToken ct)
    {
        var body = await db.GoverningBodies.FirstOrDefaultAsync(b => b.Urn == command.Urn, ct)
            ?? throw new NotFoundException("governing body", command.Urn.ToString());
        var now = clock.GetCurrentInstant();
        Apply(body, command, caller, now);
        db.RecordGoverningBody(caller, "governing_body.updated", body.Urn, clock.TodayInLondon(), $"Governing body '{body.Name}' updated", now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(command.Urn, includeFormer: false, ct);
    }

    /// <summary>
    /// A partner's read. With former governors it carries their leaving reasons, which may name people
    /// ("removed after a complaint by ..."): such a read is audited as <c>governing_body.leavers_read</c>
    /// with the reader, as concerns and documents are. A read of current governors only shows no reason.
    /// </summary>
    public async Task<GoverningBodyView> ReadAsync(int urn, bool includeFormer, Caller reader, CancellationToken ct)
    {
        var view = await GetAsync(urn, includeFormer, ct);
        if (view.Governors.Any(g => g.LeftReason.Length > 0))
        {
            db.Audit(reader.Organisation, reader.Subject, "governing_body.leavers_read", "governing_body", urn.ToString(CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }

        return view;
    }

    public async Task<GoverningBodyView> GetAsync(int urn, bool includeFormer, CancellationToken ct)
    {
        var body = await db.GoverningBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Urn == urn, ct)
            ?? throw new NotFoundException("governing body", urn.ToString());
        var governors = await db.Governors.AsNoTracking().Where(g => g.Urn == urn).ToListAsync(ct);
        var today = clock.TodayInLondon();
        if (!includeFormer)
        {
            governors = [.. governors.Where(g => g.IsCurrentOn(today))];
        }

        return new GoverningBodyView(body, [.. governors.OrderBy(g => g.Category).ThenBy(g => g.FullName, StringComparer.Ordinal)], today);
    }

    public async Task<(IReadOnlyList<GoverningBodyView> Bodies, int? NextOffset)> ListAsync(int pageSize, int offset, bool withVacanciesOnly, CancellationToken ct)
    {
        var today = clock.TodayInLondon();
        var bodies = await db.GoverningBodies.AsNoTracking().OrderBy(b => b.Urn).ToListAsync(ct);
        var governors = (await db.Governors.AsNoTracking().Where(g => g.LeftOn == null).ToListAsync(ct))
            .Where(g => g.IsCurrentOn(today)).ToLookup(g => g.Urn);
        var views = bodies.Select(b => new GoverningBodyView(b, [.. governors[b.Urn]], today));
        if (withVacanciesOnly)
        {
            views = views.Where(v => v.Body.Vacancies(v.Governors, today).Count > 0 || !v.Governors.Any(g => g.Role == GoverningRole.Chair));
        }

        var page = views.Skip(offset).Take(pageSize + 1).ToList();
        return page.Count > pageSize ? (page.Take(pageSize).ToList(), offset + pageSize) : (page, null);
    }

    public async Task<Governor> AppointAsync(AppointGovernorCommand command, Caller caller, CancellationToken ct)
    {
        if (!await db.GoverningBodies.AnyAsync(b => b.Urn == command.Urn, ct))
        {
            throw new NotFoundException("governing body", command.Urn.ToString());
        }

        if (command.Role is GoverningRole.Chair or GoverningRole.ViceChair)
        {
            var holders = await db.Governors.AsNoTracking().Where(g => g.Urn == command.Urn && g.Role == command.Role && g.LeftOn == null).ToListAsync(ct);
            if (holders.FirstOrDefault(g => g.TermEndsOn >= command.AppointedOn) is { } holder)
            {
                throw new TransitionRefusedException(
                    $"{Domain.ProtoNames.Of(command.Role)} is held by {holder.FullName} ({holder.Id}); record their leaving first.", []);
            }
        }

        var governor = new Governor
        {
            Id = Guid.CreateVersion7(),
            Urn = command.Urn,
            FullName = command.FullName.Trim(),
            Category = command.Category,
            Role = command.Role == GoverningRole.Unspecified ? GoverningRole.Member : command.Role,
            AppointedBy = command.AppointedBy.Trim(),
            AppointedOn = command.AppointedOn,
            TermEndsOn = command.TermEndsOn,
            RecordedByOrganisation = caller.Organisation,
        };
        db.Governors.Add(governor);
        db.Record(caller, "governor.appointed", governor.Id, governor.Urn, command.AppointedOn,
            $"{governor.FullName} appointed ({governor.Category}, {governor.Role}) until {governor.TermEndsOn:uuuu-MM-dd}", clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        return governor;
    }

    public async Task<Governor> RemoveAsync(Guid governorId, LocalDate? leftOn, string reason, Caller caller, CancellationToken ct)
    {
        var governor = await db.Governors.FirstOrDefaultAsync(g => g.Id == governorId, ct)
            ?? throw new NotFoundException("governor", governorId.ToString());
        var date = leftOn ?? clock.TodayInLondon();
        if (date < governor.AppointedOn)
        {
            throw new FieldViolationException("left_on", $"is before the appointment ({governor.AppointedOn:uuuu-MM-dd})");
        }

        governor.Leave(date, reason.Trim());
        db.Record(caller, "governor.left", governor.Id, governor.Urn, date, $"{governor.FullName} left", clock.GetCurrentInstant());
        await db.SaveChangesAsync(ct);
        return governor;
    }

    private static void Apply(GoverningBody body, GoverningBodyCommand command, Caller caller, Instant now)
    {
        body.Name = command.Name.Trim();
        body.ClerkName = command.ClerkName.Trim();
        body.ClerkEmail = command.ClerkEmail.Trim();
        body.Constitution = [.. command.Constitution];
        body.SkillsGaps = [.. command.SkillsGaps.Select(s => s.Trim())];
        body.TrainingGaps = [.. command.TrainingGaps.Select(s => s.Trim())];
        body.UpdatedByOrganisation = caller.Organisation;
        body.UpdatedAt = now;
    }
}
