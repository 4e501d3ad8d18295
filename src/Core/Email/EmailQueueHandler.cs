using System.Diagnostics;
using System.Text.Json;
using CustomerFunctions.Core.Http;
using CustomerFunctions.Core.Storage;
using CustomerFunctions.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// Handles one message of the emails queue: renders it and sends it once. The email's row in SentEmails decides which
/// delivery sends (a redelivered or duplicated message sends nothing); a send failure throws, so the host retries it,
/// and the last try (<c>Email:MaxAttempts</c>) keeps it in the poison queue without expiry (<see cref="FailedEmails"/>);
/// a throttled send, or one over the rate or the platform's budget, goes back on the queue, invisible until it may go.
/// </summary>
public sealed partial class EmailQueueHandler(
    StorageClients storage, QueuedEmailSeal seal, SentEmails sentEmails, EmailRateLimit rateLimit, EmailBudget budget, FailedEmails failedEmails, EmailTemplates templates, IEmailSender sender, TimeProvider time, IOptions<EmailOptions> options, CustomerMetrics metrics, ILogger<EmailQueueHandler> logger)
{
    /// <summary>A queue message cannot stay invisible longer than seven days.</summary>
    private static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public Task HandleAsync(string messageText, CancellationToken cancellationToken) => HandleAsync(messageText, 1, cancellationToken);

    /// <summary>Handles the <paramref name="attempt"/>th delivery of a message (the queue's dequeue count).</summary>
    public async Task HandleAsync(string messageText, long attempt, CancellationToken cancellationToken)
    {
        EmailMessage? queued;
        try
        {
            queued = JsonSerializer.Deserialize<EmailMessage>(messageText, Json.Options);
        }
        catch (JsonException)
        {
            queued = null;
        }
        if (queued is null || !Keys.IsSafeKeyPart(queued.Id))
        {
            throw new InvalidOperationException("Malformed email queue message.");
        }
        if (await seal.OpenAsync(queued, cancellationToken) is not { } message)
        {
            // Its account was erased: the email went with it.
            LogErased(logger, queued.Id, queued.Template, queued.AccountId);
            metrics.EmailErased(queued.Template);
            return;
        }
        // Ids and the template only: the recipient's address and name stay out of telemetry.
        using var activity = CustomerTelemetry.StartQueueMessage("SendEmail", message.TraceParent);
        activity?.SetTag("cf.email.id", message.Id);
        activity?.SetTag("cf.email.template", message.Template);
        activity?.SetTag("cf.account.id", message.AccountId);
        activity?.SetTag("messaging.message.delivery_count", attempt);

        var claim = await sentEmails.ClaimAsync(message, options.Value.SendLease, cancellationToken);
        switch (claim)
        {
            case SendClaim.AlreadySent:
                LogDuplicate(logger, message.Id);
                return;
            case SendClaim.Busy busy:
                var leaseLeft = busy.Until - time.GetUtcNow() + TimeSpan.FromSeconds(1);
                var wait = leaseLeft < options.Value.BusyRecheckDelay ? leaseLeft : options.Value.BusyRecheckDelay;
                LogBusy(logger, message.Id, wait);
                metrics.EmailDeferred(message.Template, "busy");
                await RequeueAsync(messageText, wait, cancellationToken);
                return;
        }
        var granted = (SendClaim.Granted)claim;
        if (!rateLimit.TryAcquire(out var slotIn))
        {
            await sentEmails.ReleaseAsync(message, granted.ETag);
            LogRateLimited(logger, message.Id, slotIn);
            metrics.EmailDeferred(message.Template, "rate");
            await RequeueAsync(messageText, slotIn, cancellationToken);
            return;
        }
        if (await budget.TryTakeAsync(message, cancellationToken) is { } budgetWait)
        {
            await sentEmails.ReleaseAsync(message, granted.ETag);
            LogOverBudget(logger, message.Id, message.Template, budgetWait);
            metrics.EmailDeferred(message.Template, "budget");
            await RequeueAsync(messageText, budgetWait, cancellationToken);
            return;
        }
        try
        {
            var (subject, body) = templates.Render(message.Template, message.Language, message.Values);
            await sender.SendAsync(new OutgoingEmail(message.Id, message.To, message.ToName, subject, body), cancellationToken);
        }
        catch (EmailThrottledException e)
        {
            await sentEmails.ReleaseAsync(message, granted.ETag);
            LogThrottled(logger, message.Id, e.RetryAfter);
            metrics.EmailDeferred(message.Template, "throttled");
            await RequeueAsync(messageText, e.RetryAfter, cancellationToken);
            return;
        }
        catch (Exception e)
        {
            await sentEmails.ReleaseAsync(message, granted.ETag);
            LogSendFailed(logger, e, message.Id, message.Template, message.AccountId);
            // The type, not the message: a provider's error text may quote the recipient.
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            if (attempt < options.Value.MaxAttempts)
            {
                throw;
            }
            await failedEmails.KeepAsync(queued, attempt, Describe(e, message), cancellationToken);
            LogKept(logger, message.Id, message.Template, message.AccountId, attempt);
            metrics.EmailPoisoned(message.Template);
            return;
        }
        await sentEmails.MarkSentAsync(message, cancellationToken);
        LogSent(logger, message.Id, message.Template, message.AccountId);
        metrics.EmailSent(message.Template);
    }

    /// <summary>
    /// Puts the same message back, invisible for <paramref name="delay"/>; the caller then completes the current one.
    /// Not a failed try, so waiting never pushes an email towards the poison queue; the email id keeps it from sending twice.
    /// </summary>
    private async Task RequeueAsync(string messageText, TimeSpan delay, CancellationToken cancellationToken)
    {
        var visibility = delay < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;
        await storage.EmailQueue.SendMessageAsync(messageText, visibility, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
    }

    /// <summary>The error as operators may see it: the recipient's address, if the provider quoted it, is taken out.</summary>
    private static string Describe(Exception e, EmailMessage message)
    {
        var code = e is EmailSendFailedException { ErrorCode: { } errorCode } ? $" ({errorCode})" : "";
        var text = $"{e.GetType().Name}{code}: {e.Message}".Replace(message.To, "[recipient]", StringComparison.OrdinalIgnoreCase);
        return text.Length > 1000 ? text[..1000] : text;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email {EmailId} ({Template}) for account {AccountId}")]
    private static partial void LogSent(ILogger logger, string emailId, string template, string? accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} ({Template}) for account {AccountId} cannot be opened any more: the account was erased, and the email with it")]
    private static partial void LogErased(ILogger logger, string emailId, string template, string? accountId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} was already sent; skipped the redelivery")]
    private static partial void LogDuplicate(ILogger logger, string emailId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} is being sent by another delivery; looking again in {Delay}")]
    private static partial void LogBusy(ILogger logger, string emailId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email {EmailId} was throttled; it comes back in {RetryAfter}")]
    private static partial void LogThrottled(ILogger logger, string emailId, TimeSpan retryAfter);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} is over the send rate; it comes back in {Delay}")]
    private static partial void LogRateLimited(ILogger logger, string emailId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {EmailId} ({Template}) is over the platform's email budget; it comes back in {Delay}")]
    private static partial void LogOverBudget(ILogger logger, string emailId, string template, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {EmailId} ({Template}) for account {AccountId} failed its last try ({Attempts}) and moved to the poison queue emails-poison, kept without expiry")]
    private static partial void LogKept(ILogger logger, string emailId, string template, string? accountId, long attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending email {EmailId} ({Template}) for account {AccountId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string emailId, string template, string? accountId);
}
