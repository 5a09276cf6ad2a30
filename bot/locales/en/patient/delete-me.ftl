## delete

delete-confirm-ask =
    Delete all your data? All profiles ({ $profiles }), all documents ({ $documents }) and files will be deleted. This cannot be undone.
    Only a record of the deletion itself, without any health information, stays in the log.
delete-btn-confirm = 🗑 Yes, delete everything
delete-btn-keep = No, keep it
delete-done = All your data has been deleted. Thank you for being with us. If you want to come back, send /start.
delete-kept = OK, nothing is deleted.
delete-nothing = We hold no data of yours — there is nothing to delete.
