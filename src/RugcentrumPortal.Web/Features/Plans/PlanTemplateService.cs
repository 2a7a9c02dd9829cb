using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>The practice's templates: listed, opened and deleted. They are saved from the editor and used on the plan page.</summary>
public sealed class PlanTemplateService(IDbContextFactory<AppDbContext> contexts)
{
    public async Task<IReadOnlyList<TemplateListItem>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Plans.Where(p => p.PatientId == null).OrderBy(p => p.TemplateName)
            .Select(p => new TemplateListItem(p.Id, p.TemplateName ?? "", p.Title, p.Exercises.Count))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Null when the template is out of reach.</summary>
    public async Task<TemplateView?> GetAsync(Guid templateId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.Plans.AsNoTracking().Where(p => p.PatientId == null && p.Id == templateId)
            .Include(p => p.Phases).Include(p => p.Exercises).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        return template is null ? null : new TemplateView(template.Id, template.TemplateName ?? "", template.Title, PlanSummaryView.Of(template));
    }

    /// <summary>False when the template is out of reach; plans started from it keep their own copy.</summary>
    public async Task<bool> DeleteAsync(Guid templateId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var template = await db.Plans.Where(p => p.PatientId == null && p.Id == templateId)
            .Include(p => p.Phases).Include(p => p.Exercises).AsSplitQuery().SingleOrDefaultAsync(cancellationToken);
        if (template is null)
        {
            return false;
        }
        db.Plans.Remove(template);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
