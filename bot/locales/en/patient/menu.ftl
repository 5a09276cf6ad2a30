## menu

menu-documents = 📄 Documents
menu-profiles = 👤 Profiles
menu-add-patient = ➕ Add a patient
menu-help = ❓ Help
menu-button-app = My account
menu-shown = Main menu. Choose an action with the buttons below.
