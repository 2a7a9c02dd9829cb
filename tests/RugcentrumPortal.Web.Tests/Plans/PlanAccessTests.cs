using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>Plans are care records of one practice: another practice gets 404 on every page, no post gets through, and nothing changes.</summary>
public class PlanAccessTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<(Guid PlanId, Guid TemplateId)> SeedNoordAsync()
    {
        var planId = (await TestPlans.DraftAsync(portal, Baseline.NoordOtherPatientId, "pelvic-tilt")).Id;
        var templateId = await portal.WithDbAsync(async db =>
        {
            var draft = await db.Plans.Include(p => p.Exercises).Include(p => p.Phases).SingleAsync(p => p.Id == planId);
            var template = Features.Plans.PlanDrafts.TemplateFrom(draft, "Noord sjabloon " + Guid.NewGuid().ToString("N")[..4], draft.CreatedById, DateTimeOffset.UtcNow);
            db.Plans.Add(template);
            await db.SaveChangesAsync();
            return template.Id;
        });
        return (planId, templateId);
    }

    [Fact]
    public async Task Another_practices_therapist_gets_404_on_every_plan_page()
    {
        var (planId, templateId) = await SeedNoordAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        foreach (var path in new[]
        {
            $"/patienten/{Baseline.NoordOtherPatientId}/plan",
            PlanTestData.Editor(Baseline.NoordOtherPatientId, planId),
            PlanTestData.Editor(Baseline.ZuidPatientId, planId),
            $"/plannen/sjablonen/{templateId}",
            $"/plannen/sjablonen/{templateId}/bewerken",
        })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Voorbeeld", await response.Content.ReadAsStringAsync());
        }
        var list = await client.GetPageAsync("/plannen/sjablonen");
        Assert.DoesNotContain("Noord sjabloon", list.Text);
    }

    [Fact]
    public async Task Another_practices_therapist_gets_nowhere_with_a_form_post_to_the_live_plan_pages_and_nothing_changes()
    {
        var (planId, templateId) = await SeedNoordAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);
        var own = await client.GetPageAsync("/patienten/nieuw");
        var token = own.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var before = await portal.PlansOfAsync(Baseline.NoordOtherPatientId);

        var posts = new (string Path, Dictionary<string, string> Fields)[]
        {
            ($"/patienten/{Baseline.NoordOtherPatientId}/plan", new() { ["_handler"] = "plan-start-empty" }),
            ($"/patienten/{Baseline.NoordOtherPatientId}/plan", new() { ["_handler"] = "plan-start-template", ["TemplateId"] = templateId.ToString() }),
            ($"/patienten/{Baseline.NoordOtherPatientId}/plan", new() { ["_handler"] = "plan-revise" }),
            (PlanTestData.Editor(Baseline.NoordOtherPatientId, planId), new() { ["_handler"] = "plan-editor", ["Input.Title"] = "Overgenomen", ["Input.Command"] = "activate" }),
            (PlanTestData.Editor(Baseline.NoordOtherPatientId, planId), new() { ["_handler"] = "plan-editor", ["Input.Title"] = "Overgenomen", ["Input.Command"] = "discard" }),
            (PlanTestData.Editor(Baseline.NoordOtherPatientId, planId), new() { ["_handler"] = "plan-editor", ["Input.Title"] = "Overgenomen", ["Input.Command"] = "add:chin-tuck" }),
            ($"/plannen/sjablonen/{templateId}", new() { ["_handler"] = "plan-template-delete" }),
        };
        foreach (var (path, fields) in posts)
        {
            fields["__RequestVerificationToken"] = token;
            // The live pages take no form posts at all; the builder's commands go through the service, whose
            // access rule PlanServiceTests proves command by command.
            var response = await client.Http.PostAsync(path, new FormUrlEncodedContent(fields));
            Assert.False(response.IsSuccessStatusCode, $"{path} {fields["_handler"]}: {(int)response.StatusCode}");
            Assert.DoesNotContain("Noord sjabloon", await response.Content.ReadAsStringAsync());
        }

        var after = await portal.PlansOfAsync(Baseline.NoordOtherPatientId);
        Assert.Equal(before.Select(p => (p.Id, p.Title, p.Status, p.Exercises.Count)), after.Select(p => (p.Id, p.Title, p.Status, p.Exercises.Count)));
        Assert.True(await portal.WithDbAsync(db => db.Plans.AnyAsync(p => p.Id == templateId)));
    }

    [Theory]
    [InlineData(Baseline.NoordPatient)]
    [InlineData(Baseline.NoordAdmin)]
    public async Task Patients_and_administrators_are_denied_the_builder(string email)
    {
        var planId = (await TestPlans.DraftAsync(portal, Baseline.NoordPatientId, "pelvic-tilt")).Id;
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(email);

        foreach (var path in new[] { $"/patienten/{Baseline.NoordPatientId}/plan", PlanTestData.Editor(Baseline.NoordPatientId, planId), "/plannen/sjablonen", $"/plannen/sjablonen/{Guid.NewGuid()}/bewerken" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
        }
        await portal.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task Patient_page_card_shows_the_active_version_and_the_open_draft()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var activeId = (await TestPlans.DraftAsync(portal, patientId, "pelvic-tilt", "chin-tuck")).Id;
        await portal.WithDbAsync(async db =>
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == activeId);
            plan.Status = PlanStatus.Active;
            plan.ActivatedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
        });
        var draftId = await portal.WithDbAsync(async db =>
        {
            var active = await db.Plans.SingleAsync(p => p.Id == activeId);
            var draft = new RecoveryPlan
            {
                PracticeId = active.PracticeId, PatientId = patientId, LineageId = active.LineageId, Version = 2, Status = PlanStatus.Draft,
                Title = active.Title, CreatedById = active.CreatedById, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Plans.Add(draft);
            await db.SaveChangesAsync();
            return draft.Id;
        });
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{patientId}");

        var card = page.Document.QuerySelector("#plan-heading")!.ParentElement!.ParentElement!;
        Assert.Contains("Versie 1 is actief, met 2 oefeningen", card.TextContent);
        Assert.NotNull(card.QuerySelector($"a[href='patienten/{patientId}/plan/{draftId}']"));
        Assert.NotNull(card.QuerySelector($"a[href='patienten/{patientId}/plan']"));
    }
}
