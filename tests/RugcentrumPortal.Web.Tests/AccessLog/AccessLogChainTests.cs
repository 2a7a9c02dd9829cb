using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.AccessLog.AccessLogTestKit;

namespace RugcentrumPortal.Web.Tests.AccessLog;

public class AccessLogChainTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_line_says_who_did_what_with_whose_data_and_links_to_the_line_before()
    {
        await RecordAsync(portal, Baseline.NoordTherapist, Baseline.NoordPatientId, "ChainFirst");
        await RecordAsync(portal, Baseline.NoordPatient, Baseline.NoordPatientId, "ChainSecond", AccessEvent.Print);

        var lines = await LinesAsync(portal, Baseline.NoordId);

        var therapist = lines.Single(l => l.Subject == "ChainFirst");
        Assert.Equal(("Tom Therapeut", Roles.Therapist, AccessOnBehalfOf.Practice, "Piet Proef", AccessEvent.View),
            (therapist.UserName, therapist.Role, therapist.OnBehalfOf, therapist.PatientName, therapist.Event));
        var patient = lines.Single(l => l.Subject == "ChainSecond");
        Assert.Equal((Roles.Patient, AccessOnBehalfOf.PatientThemself, AccessEvent.Print), (patient.Role, patient.OnBehalfOf, patient.Event));
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(l => l.Sequence));
        Assert.Equal(AccessLogEntry.GenesisHash, lines[0].PreviousHash);
        Assert.All(lines.Skip(1).Zip(lines), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.True((await VerifyAsync(portal, Baseline.NoordId)).IsIntact);
    }

    [Fact]
    public async Task A_user_who_cannot_see_the_patient_writes_no_line()
    {
        await RecordAsync(portal, Baseline.ZuidTherapist, Baseline.NoordPatientId, "OtherPractice");
        await RecordAsync(portal, Baseline.NoordAdmin, Baseline.NoordPatientId, "AdministratorSeesNoRecords");

        Assert.Equal(0, await CountAsync(portal, Baseline.NoordPatientId, "OtherPractice", AccessEvent.View));
        Assert.Equal(0, await CountAsync(portal, Baseline.NoordPatientId, "AdministratorSeesNoRecords", AccessEvent.View));
    }

    [Fact]
    public async Task The_application_cannot_change_or_delete_a_line()
    {
        await RecordAsync(portal, Baseline.NoordTherapist, Baseline.NoordPatientId, "Untouchable");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var line = await db.AccessLog.FirstAsync(l => l.Subject == "Untouchable");

        line.UserName = "Iemand anders";
        await Assert.ThrowsAsync<AccessLogIsAppendOnlyException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AccessLog.Remove(line);
        await Assert.ThrowsAsync<AccessLogIsAppendOnlyException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        await Assert.ThrowsAsync<AccessLogIsAppendOnlyException>(() => db.AccessLog.Where(l => l.Subject == "Untouchable").ExecuteDeleteAsync());
        await Assert.ThrowsAsync<AccessLogIsAppendOnlyException>(() =>
            db.AccessLog.Where(l => l.Subject == "Untouchable").ExecuteUpdateAsync(s => s.SetProperty(l => l.UserName, "Iemand anders")));

        Assert.Equal("Tom Therapeut", (await db.AccessLog.AsNoTracking().SingleAsync(l => l.Subject == "Untouchable")).UserName);
    }

    [Fact]
    public async Task Writers_at_the_same_moment_extend_one_chain_without_a_fork()
    {
        const int writers = 8, linesEach = 5;
        var before = (await LinesAsync(portal, Baseline.ZuidId)).Count;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < linesEach; i++)
            {
                await RecordAsync(portal, w % 2 == 0 ? Baseline.ZuidTherapist : Baseline.ZuidPatient, Baseline.ZuidPatientId, $"Concurrent{w}-{i}");
            }
        })));

        var lines = await LinesAsync(portal, Baseline.ZuidId);
        Assert.Equal(before + writers * linesEach, lines.Count);
        Assert.Equal(Enumerable.Range(1, lines.Count).Select(i => (long)i), lines.Select(l => l.Sequence));
        Assert.Equal(lines.Count, lines.Select(l => l.PreviousHash).Distinct().Count());
        var check = await VerifyAsync(portal, Baseline.ZuidId);
        Assert.True(check.IsIntact);
        Assert.Equal(lines.Count, check.LinesChecked);
    }
}
