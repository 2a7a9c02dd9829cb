using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Messages;
using RugcentrumPortal.Web.Features.PatientPortal;

namespace RugcentrumPortal.Web.Tests.Messages;

/// <summary>
/// Short messages between patient and practice: stored once, refused when empty or too long, reachable only by the
/// patient and their practice, announced to the other side without the content, and read once opened.
/// </summary>
public class MessagesTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Form = "form[method=post]:has(textarea[name='Input.Text'])";

    public async Task InitializeAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await scope.ServiceProvider.ArrangeDb().Messages.ExecuteDeleteAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_message_posted_twice_from_the_same_form_is_stored_once_and_announced_once()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/berichten");
        var mailsBefore = MailPickup.Read(portal.MailDirectory).Count;

        var first = await client.SubmitAsync(page, Form, new() { ["Input.Text"] = "Mag ik de oefening ook 's avonds doen?" });
        var second = await client.SubmitAsync(page, Form, new() { ["Input.Text"] = "Mag ik de oefening ook 's avonds doen?" });
        var shown = await client.FollowAsync(first);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Contains("Verstuurd.", shown.Text);
        Assert.Contains("Mag ik de oefening ook 's avonds doen?", shown.Document.QuerySelector(".message-list")!.TextContent);
        Assert.Single(await StoredAsync());
        Assert.Equal(mailsBefore + 1, MailPickup.Read(portal.MailDirectory).Count);
    }

    [Fact]
    public async Task The_practice_is_told_of_a_new_message_without_its_content()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/berichten");

        await client.SubmitAsync(page, Form, new() { ["Input.Text"] = "Mijn knie zeurt na het fietsen." });

        var mail = MailPickup.Read(portal.MailDirectory).Last();
        Assert.Equal(Baseline.NoordTherapist, mail.To);
        Assert.Contains("U heeft een nieuw bericht in het portaal.", mail.Body);
        Assert.Contains($"/patienten/{Baseline.NoordPatientId}/berichten", mail.Body);
        Assert.DoesNotContain("knie", mail.Body);
        Assert.DoesNotContain("knie", mail.Subject);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    public async Task An_empty_message_is_refused_with_a_message_and_nothing_is_stored(string text)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/berichten");

        var refused = await client.SubmitAndFollowAsync(page, Form, new() { ["Input.Text"] = text });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Schrijf eerst een bericht.", refused.Text);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task A_message_over_the_limit_is_refused_and_the_text_is_kept_in_the_form()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/berichten");
        var text = "Lang verhaal. " + new string('a', PortalMessage.MaxLength);

        var refused = await client.SubmitAndFollowAsync(page, Form, new() { ["Input.Text"] = text });

        Assert.Contains($"Het bericht is te lang: ten hoogste {PortalMessage.MaxLength} tekens", refused.Text);
        Assert.Equal(text, refused.Document.QuerySelector("#message-text")!.TextContent);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task Markup_in_a_message_is_shown_as_text()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/berichten");

        var shown = await client.SubmitAndFollowAsync(page, Form, new() { ["Input.Text"] = "<script>alert('x')</script><b>vet</b>" });

        var message = shown.Document.QuerySelector(".message-list .message-text")!;
        Assert.Equal("<script>alert('x')</script><b>vet</b>", message.TextContent);
        Assert.Empty(message.Children);
    }

    [Fact]
    public async Task The_therapists_reply_reaches_the_patient_whose_mail_does_not_contain_it()
    {
        await using (var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            var result = await scope.ServiceProvider.GetRequiredService<ConversationService>()
                .SendAsTherapistAsync(Baseline.NoordPatientId, new MessageInput { Text = "Ja, dat mag. Begin rustig.", SubmissionId = Guid.NewGuid().ToString() }, default);
            Assert.Equal(FormOutcome.Saved, result.Outcome);
        }
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn/berichten");

        var mail = MailPickup.Read(portal.MailDirectory).Last();
        Assert.Equal((Baseline.NoordPatient, "Nieuw bericht van uw praktijk"), (mail.To, mail.Subject));
        Assert.Contains("U heeft een nieuw bericht in het portaal.", mail.Body);
        Assert.DoesNotContain("rustig", mail.Body);
        Assert.Contains("Ja, dat mag. Begin rustig.", page.Text);
        Assert.Contains("Tom Therapeut (praktijk)", page.Text);
    }

    [Fact]
    public async Task The_overview_counts_unread_messages_until_the_therapist_opens_the_conversation()
    {
        await PatientWritesAsync("Eerste vraag");
        await PatientWritesAsync("Tweede vraag");

        var before = await UnreadAsync(Baseline.NoordTherapist);
        var otherPractice = await UnreadAsync(Baseline.ZuidTherapist);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var overview = await client.GetPageAsync("/overzicht");
        var card = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}");
        var conversation = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/berichten");
        var after = await UnreadAsync(Baseline.NoordTherapist);

        var unread = Assert.Single(before);
        Assert.Equal((Baseline.NoordPatientId, 2), (unread.PatientId, unread.Unread));
        Assert.Empty(otherPractice);
        Assert.Contains("2 ongelezen", overview.Document.QuerySelector("#messages-heading")!.ParentElement!.TextContent);
        Assert.Contains("Ongelezen berichten van de patiënt: 2", card.Text);
        Assert.Contains("Tweede vraag", conversation.Text);
        Assert.Empty(after);
        Assert.All(await StoredAsync(), m => Assert.NotNull(m.ReadAt));
    }

    [Fact]
    public async Task A_therapist_of_another_practice_gets_not_found_and_cannot_write()
    {
        await PatientWritesAsync("Alleen voor mijn eigen praktijk");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        var page = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/berichten");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.ZuidTherapist);
        var service = scope.ServiceProvider.GetRequiredService<ConversationService>();
        var read = await service.ForTherapistAsync(Baseline.NoordPatientId, default);
        var write = await service.SendAsTherapistAsync(Baseline.NoordPatientId, new MessageInput { Text = "Hallo", SubmissionId = Guid.NewGuid().ToString() }, default);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Alleen voor mijn eigen praktijk", await page.Content.ReadAsStringAsync());
        Assert.Null(read);
        Assert.Equal(FormOutcome.NotFound, write.Outcome);
        Assert.Single(await StoredAsync());
        Assert.Null((await StoredAsync()).Single().ReadAt);
    }

    [Fact]
    public async Task A_patient_sees_only_their_own_conversation()
    {
        await PatientWritesAsync("Vraag van Piet");
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidPatient);

        var page = await client.GetPageAsync("/mijn/berichten");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.DoesNotContain("Vraag van Piet", page.Text);
        Assert.Contains("Er zijn nog geen berichten.", page.Text);
    }

    private async Task PatientWritesAsync(string text)
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        var result = await scope.ServiceProvider.GetRequiredService<ConversationService>()
            .SendAsPatientAsync(new MessageInput { Text = text, SubmissionId = Guid.NewGuid().ToString() }, default);
        Assert.Equal(FormOutcome.Saved, result.Outcome);
    }

    private async Task<IReadOnlyList<UnreadConversation>> UnreadAsync(string therapist)
    {
        await using var scope = await portal.Services.ScopeAsAsync(therapist);
        return await scope.ServiceProvider.GetRequiredService<ConversationService>().UnreadAsync(default);
    }

    private async Task<List<PortalMessage>> StoredAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Messages.ToListAsync();
    }
}
