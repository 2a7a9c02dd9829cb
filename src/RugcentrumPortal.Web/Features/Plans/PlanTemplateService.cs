using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PracticeExercises;

namespace RugcentrumPortal.Web.Features.Plans;

/// <summary>The practice's templates: listed, opened and deleted. They are saved from the editor and used on the plan page.</summary>
public sealed class PlanTemplateService(IDbContextFactory<AppDbContext> contexts, ExerciseLookup lookup)
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
        if (template is null)
        {
            return null;
        }
        var exercises = await lookup.ResolveAsync(template.Exercises.Select(e => e.ExerciseId), cancellationToken);
        return new TemplateView(template.Id, template.TemplateName ?? "", template.Title, PlanSummaryView.Of(template, exercises));
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
