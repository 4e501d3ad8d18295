using CustomerFunctions.Core.Storage;
using Microsoft.Extensions.Options;

namespace CustomerFunctions.Core.Email;

/// <summary>
/// The platform's email budget: <c>Email:Budget</c> sends per <c>Email:BudgetWindow</c> for all instances together, one
/// fixed-window count in storage. Notices may use the budget only up to <c>Email:NoticeReserve</c> short of its end, so
/// transactional mail always finds room first; an email over the budget waits on the queue until the window ends.
/// </summary>
public sealed class EmailBudget(RateCounters counters, EmailTemplates templates, IOptions<EmailOptions> options, TimeProvider time)
{
    private const string Partition = "email-budget";
    private const string Counter = "sends";

    /// <summary>Takes a send from the budget; null when it may go now, else how long it waits.</summary>
    public async Task<TimeSpan?> TryTakeAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.Budget <= 0)
        {
            return null;
        }
        var limit = templates.ClassOf(message.Template) == EmailClass.Notice ? settings.Budget - settings.NoticeReserve : settings.Budget;
        return await counters.TryTakeAsync(Partition, Counter, limit, settings.BudgetWindow, time.GetUtcNow(), cancellationToken);
    }
}
