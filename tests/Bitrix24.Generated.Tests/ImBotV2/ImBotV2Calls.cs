using Bitrix24.ImBot;

namespace Bitrix24.Generated.Tests.ImBotV2;

/// <summary>One valid call of every imbot.v2 method, for tests that only care about the answer.</summary>
public static class ImBotV2Calls
{
    public static IReadOnlyDictionary<string, Func<Bitrix24Client, Task>> ByMethod { get; } = new Dictionary<string, Func<Bitrix24Client, Task>>(StringComparer.Ordinal)
    {
        ["imbot.v2.Bot.register"] = c => c.ImBot.V2.Bot.RegisterAsync(new ImBotV2BotRegisterRequest { Fields = new() { Code = "support_bot", Properties = new() { Name = "x" } } }),
        ["imbot.v2.Bot.update"] = c => c.ImBot.V2.Bot.UpdateAsync(456, new BotUpdateFields()),
        ["imbot.v2.Bot.get"] = c => c.ImBot.V2.Bot.GetAsync(botId: 456),
        ["imbot.v2.Bot.list"] = c => c.ImBot.V2.Bot.ListAsync(),
        ["imbot.v2.Bot.unregister"] = c => c.ImBot.V2.Bot.UnregisterAsync(456),
        ["imbot.v2.Chat.add"] = c => c.ImBot.V2.Chat.AddAsync(456),
        ["imbot.v2.Chat.get"] = c => c.ImBot.V2.Chat.GetAsync(456, "chat5"),
        ["imbot.v2.Chat.update"] = c => c.ImBot.V2.Chat.UpdateAsync(456, "chat5", new ChatUpdateFields { Title = "x" }),
        ["imbot.v2.Chat.User.add"] = c => c.ImBot.V2.Chat.User.AddAsync(456, "chat5", [1]),
        ["imbot.v2.Chat.User.delete"] = c => c.ImBot.V2.Chat.User.DeleteAsync(456, "chat5", 1),
        ["imbot.v2.Chat.User.list"] = c => c.ImBot.V2.Chat.User.ListAsync(456, "chat5"),
        ["imbot.v2.Chat.leave"] = c => c.ImBot.V2.Chat.LeaveAsync(456, "chat5"),
        ["imbot.v2.Chat.Manager.add"] = c => c.ImBot.V2.Chat.Manager.AddAsync(456, "chat5", [4]),
        ["imbot.v2.Chat.Manager.delete"] = c => c.ImBot.V2.Chat.Manager.DeleteAsync(456, "chat5", [4]),
        ["imbot.v2.Chat.setOwner"] = c => c.ImBot.V2.Chat.SetOwnerAsync(456, "chat5", 1),
        ["imbot.v2.Chat.InputAction.notify"] = c => c.ImBot.V2.Chat.InputAction.NotifyAsync(456, "chat5"),
        ["imbot.v2.Chat.TextField.enabled"] = c => c.ImBot.V2.Chat.TextField.EnabledAsync(456, "chat5"),
        ["imbot.v2.Chat.Message.send"] = c => c.ImBot.V2.Chat.Message.SendAsync(456, "chat5"),
        ["imbot.v2.Chat.Message.update"] = c => c.ImBot.V2.Chat.Message.UpdateAsync(456, 789, new ChatMessageUpdateFields { Message = "x" }),
        ["imbot.v2.Chat.Message.delete"] = c => c.ImBot.V2.Chat.Message.DeleteAsync(456, 789),
        ["imbot.v2.Chat.Message.read"] = c => c.ImBot.V2.Chat.Message.ReadAsync(456, "chat5"),
        ["imbot.v2.Chat.Message.get"] = c => c.ImBot.V2.Chat.Message.GetAsync(456, 789),
        ["imbot.v2.Chat.Message.getContext"] = c => c.ImBot.V2.Chat.Message.GetContextAsync(456, 789),
        ["imbot.v2.Chat.Message.Reaction.add"] = c => c.ImBot.V2.Chat.Message.Reaction.AddAsync(456, 789, "nope"),
        ["imbot.v2.Chat.Message.Reaction.delete"] = c => c.ImBot.V2.Chat.Message.Reaction.DeleteAsync(456, 789, "nope"),
        ["imbot.v2.Command.register"] = c => c.ImBot.V2.Command.RegisterAsync(456, new CommandRegisterFields { Command = "" }),
        ["imbot.v2.Command.update"] = c => c.ImBot.V2.Command.UpdateAsync(456, 42, new CommandUpdateFields()),
        ["imbot.v2.Command.list"] = c => c.ImBot.V2.Command.ListAsync(456),
        ["imbot.v2.Command.unregister"] = c => c.ImBot.V2.Command.UnregisterAsync(456, 42),
        ["imbot.v2.Command.answer"] = c => c.ImBot.V2.Command.AnswerAsync(456, 42, 789, "chat5"),
        ["imbot.v2.Event.get"] = c => c.ImBot.V2.Event.GetAsync(456),
        ["imbot.v2.File.upload"] = c => c.ImBot.V2.File.UploadAsync(456, "chat5", new FileUploadFields { Name = "a.bin", Content = "AA==" }),
        ["imbot.v2.File.download"] = c => c.ImBot.V2.File.DownloadAsync(456, 138),
        ["imbot.v2.Revision.get"] = c => c.ImBot.V2.Revision.GetAsync(),
    };
}
