import FusionCommands

FusionConsoleMain.run()
