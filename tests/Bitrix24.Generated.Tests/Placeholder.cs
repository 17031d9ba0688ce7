namespace Bitrix24.Generated.Tests;
