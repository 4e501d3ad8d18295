using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CustomerFunctions.Core.Messages;

/// <summary>Registers the messages feature: messages, the users' inboxes and the partner-wide fan-out.</summary>
public static class MessagesFeature
{
    public static IServiceCollection AddMessages(this IServiceCollection services)
    {
        services.TryAddSingleton<MessageEndpoints>();
        services.TryAddSingleton<InboxEndpoints>();
        services.TryAddSingleton<MessageInbox>();
        services.TryAddSingleton<PartnerMessageFanOut>();
        services.TryAddSingleton<FanOutProgress>();
        services.AddHostedService<MessageKeyMigration>();
        return services;
    }
}
